/*
 * server.c - loopback HTTP server for the link-check benchmark (issue 5,
 * item 8).  One thread, epoll, keep-alive; listens on 127.0.0.1 ..
 * 127.0.0.N on one port and answers every request exactly LATENCY ms after
 * it arrived (responses wait in a FIFO, which is sorted by due time since
 * the latency is constant), so the physical bound URLs x latency /
 * concurrency is meaningful.  The status mix is keyed by the path; see
 * server.py (which also generates the URL list) for the table:
 *
 *   /ok/ID 200, /r301/ID and /r302/ID -> /ok/ID, /404, /410, /403, /999,
 *   /500 as named, /429once/ID (429 Retry-After: 1, then 200),
 *   /503rec/ID (503 for 1.5 s after the first hit, then 200),
 *   /nohead/ID (HEAD 405, GET 200).
 *
 * Usage: server HOSTS LATENCY_MS   prints the port, runs until stdin closes.
 * Build: cc -O2 -o server server.c
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAXC 65536

typedef struct conn {
	int fd;
	char in[8192];
	size_t inlen;
	int pending;    /* responses queued, not yet sent */
	int closing;
} conn;

typedef struct resp {
	int fd;
	double due;
	char *data;
	size_t len;
	struct resp *next;
} resp;

static conn *conns[MAXC];
static resp *qhead, *qtail;

/* per-path state for 429once / 503rec */
#define NSTATE (1 << 16)
static struct { unsigned long h; double first; int hits; } state[NSTATE];

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static unsigned long hash(const char *s, size_t n)
{
	unsigned long h = 5381;
	for (size_t i = 0; i < n; i++)
		h = h * 33 + (unsigned char)s[i];
	return h | 1;
}

static int *slot(const char *p, size_t n, double *first)
{
	unsigned long h = hash(p, n);
	size_t k = h & (NSTATE - 1);
	while (state[k].h && state[k].h != h)
		k = (k + 1) & (NSTATE - 1);
	if (!state[k].h) {
		state[k].h = h;
		state[k].first = now_ms();
	}
	*first = state[k].first;
	return &state[k].hits;
}

static const char *reason(int c)
{
	switch (c) {
	case 200: return "OK";
	case 301: return "Moved Permanently";
	case 302: return "Found";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 410: return "Gone";
	case 429: return "Too Many Requests";
	case 500: return "Internal Server Error";
	case 503: return "Service Unavailable";
	default: return "Status";
	}
}

static void respond(int fd, int head, const char *path, size_t plen, double due)
{
	char kind[32] = "", id[64] = "0", extra[160] = "";
	const char *p = path + (plen && path[0] == '/');
	const char *q = memchr(p, '?', plen - (size_t)(p - path));
	size_t n = (q ? (size_t)(q - p) : plen - (size_t)(p - path));
	const char *sl = memchr(p, '/', n);
	size_t kl = sl ? (size_t)(sl - p) : n;
	if (kl < sizeof kind) {
		memcpy(kind, p, kl);
		kind[kl] = 0;
	}
	if (sl) {
		size_t il = n - kl - 1;
		if (il < sizeof id) {
			memcpy(id, sl + 1, il);
			id[il] = 0;
		}
	}
	int code = 404;
	double first;
	if (!strcmp(kind, "ok"))
		code = 200;
	else if (!strcmp(kind, "r301") || !strcmp(kind, "r302")) {
		code = atoi(kind + 1);
		snprintf(extra, sizeof extra, "Location: /ok/%s\r\n", id);
	} else if (!strcmp(kind, "404") || !strcmp(kind, "410") || !strcmp(kind, "403") ||
	           !strcmp(kind, "999") || !strcmp(kind, "500"))
		code = atoi(kind);
	else if (!strcmp(kind, "429once")) {
		int *hits = slot(path, n + (size_t)(p - path), &first);
		code = (*hits)++ == 0 ? 429 : 200;
		if (code == 429)
			snprintf(extra, sizeof extra, "Retry-After: 1\r\n");
	} else if (!strcmp(kind, "503rec")) {
		slot(path, n + (size_t)(p - path), &first);
		code = now_ms() - first < 1500 ? 503 : 200;
	} else if (!strcmp(kind, "nohead"))
		code = head ? 405 : 200;
	char body[160];
	int bl = snprintf(body, sizeof body, "<html><head><title>%d</title></head><body>page %s</body></html>", code, id);
	resp *r = malloc(sizeof *r);
	r->data = malloc(512);
	r->len = (size_t)snprintf(r->data, 512, "HTTP/1.1 %d %s\r\nContent-Type: text/html\r\nContent-Length: %d\r\n%s\r\n%s",
	                          code, reason(code), bl, extra, head ? "" : body);
	r->fd = fd;
	r->due = due;
	r->next = NULL;
	if (qtail)
		qtail->next = r;
	else
		qhead = r;
	qtail = r;
	conns[fd]->pending++;
}

static void drop(int ep, int fd)
{
	epoll_ctl(ep, EPOLL_CTL_DEL, fd, NULL);
	close(fd);
	free(conns[fd]);
	conns[fd] = NULL;
}

int main(int argc, char **argv)
{
	int hosts = argc > 1 ? atoi(argv[1]) : 8;
	double latency = argc > 2 ? atof(argv[2]) : 50;
	int ep = epoll_create1(0), port = 0;
	int lfd[256];
	for (int h = 0; h < hosts && h < 250; h++) {
		int s = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0), one = 1;
		setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
		struct sockaddr_in a = { 0 };
		a.sin_family = AF_INET;
		a.sin_port = htons((unsigned short)port);
		a.sin_addr.s_addr = htonl(0x7f000001u + (unsigned)h);
		if (bind(s, (struct sockaddr *)&a, sizeof a) || listen(s, 4096)) {
			perror("bind");
			return 1;
		}
		if (!port) {
			socklen_t l = sizeof a;
			getsockname(s, (struct sockaddr *)&a, &l);
			port = ntohs(a.sin_port);
		}
		lfd[h] = s;
		struct epoll_event ev = { .events = EPOLLIN, .data.fd = s };
		epoll_ctl(ep, EPOLL_CTL_ADD, s, &ev);
	}
	struct epoll_event ev = { .events = EPOLLIN, .data.fd = 0 };
	epoll_ctl(ep, EPOLL_CTL_ADD, 0, &ev);
	printf("%d\n", port);
	fflush(stdout);
	for (;;) {
		double t = now_ms();
		while (qhead && qhead->due <= t) {
			resp *r = qhead;
			qhead = r->next;
			if (!qhead)
				qtail = NULL;
			if (conns[r->fd]) {
				ssize_t w = write(r->fd, r->data, r->len);
				(void)w;
				conns[r->fd]->pending--;
			}
			free(r->data);
			free(r);
		}
		/* sub-millisecond wake-ups (epoll_pwait2), so answers are not late */
		double wait = qhead ? qhead->due - t : 1000;
		if (wait < 0)
			wait = 0;
		struct timespec tmo = { (time_t)(wait / 1000), (long)((wait - (double)(long)(wait / 1000) * 1000) * 1e6) };
		struct epoll_event evs[256];
		int n = epoll_pwait2(ep, evs, 256, &tmo, NULL);
		if (n < 0 && errno == ENOSYS)
			n = epoll_wait(ep, evs, 256, (int)wait + 1);
		for (int i = 0; i < n; i++) {
			int fd = evs[i].data.fd;
			if (fd == 0) {
				char b[256];
				if (read(0, b, sizeof b) <= 0)
					return 0;
				continue;
			}
			int is_listen = 0;
			for (int h = 0; h < hosts; h++)
				if (fd == lfd[h])
					is_listen = 1;
			if (is_listen) {
				int c;
				while ((c = accept4(fd, NULL, NULL, SOCK_NONBLOCK)) >= 0) {
					if (c >= MAXC) {
						close(c);
						continue;
					}
					int one = 1;
					setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
					conns[c] = calloc(1, sizeof(conn));
					conns[c]->fd = c;
					struct epoll_event ce = { .events = EPOLLIN, .data.fd = c };
					epoll_ctl(ep, EPOLL_CTL_ADD, c, &ce);
				}
				continue;
			}
			conn *cn = conns[fd];
			if (!cn)
				continue;
			ssize_t r = read(fd, cn->in + cn->inlen, sizeof cn->in - cn->inlen - 1);
			if (r <= 0) {
				if (r < 0 && errno == EAGAIN)
					continue;
				drop(ep, fd);
				continue;
			}
			cn->inlen += (size_t)r;
			cn->in[cn->inlen] = 0;
			char *end;
			while ((end = strstr(cn->in, "\r\n\r\n")) != NULL) {
				double due = now_ms() + latency;
				int head = strncmp(cn->in, "HEAD ", 5) == 0;
				char *sp = strchr(cn->in, ' ');
				char *sp2 = sp ? strchr(sp + 1, ' ') : NULL;
				if (sp && sp2 && sp2 < end) {
					char *path = sp + 1;
					size_t plen = (size_t)(sp2 - path);
					if (plen > 7 && !strncmp(path, "http://", 7)) {
						char *s3 = memchr(path + 7, '/', plen - 7);
						if (s3) {
							plen -= (size_t)(s3 - path);
							path = s3;
						}
					}
					respond(fd, head, path, plen, due);
				}
				size_t used = (size_t)(end + 4 - cn->in);
				memmove(cn->in, end + 4, cn->inlen - used + 1);
				cn->inlen -= used;
			}
			if (cn->inlen >= sizeof cn->in - 1)
				drop(ep, fd);
		}
	}
}
