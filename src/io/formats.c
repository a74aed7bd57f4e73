/*
 * formats.c - the format table, content detection, and the shared driver
 * for reading and writing (decoding, dispatch, buffering, atomic files).
 *
 * Adding a format: write one file defining a lit_format_def and add one
 * row to `formats` below.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "format.h"

static const lit_format_def *const formats[] = {
	&lit_format_bibtex,
	&lit_format_biblatex,
	&lit_format_ris,
	&lit_format_csljson,
	&lit_format_endnote,
	&lit_format_endnotexml,
	&lit_format_mods,
	&lit_format_isi,
	&lit_format_medline,
	&lit_format_nbib,
	&lit_format_word,
	&lit_format_ads,
	&lit_format_copac,
	&lit_format_gost,
	&lit_format_gost2008,
};

#define NFORMATS (sizeof formats / sizeof *formats)
#define DEFAULT_MAX_INPUT ((size_t)256 << 20)

size_t lit_format_count(void)
{
	return NFORMATS;
}

const lit_format_info *lit_format_at(size_t i)
{
	return i < NFORMATS ? &formats[i]->info : NULL;
}

static int alias_match(const char *aliases, const char *name)
{
	size_t n = strlen(name);
	const char *p = aliases;
	while (p && *p) {
		const char *e = strchr(p, ' ');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (len == n && strncasecmp(p, name, n) == 0)
			return 1;
		p = e ? e + 1 : NULL;
	}
	return 0;
}

const lit_format_def *lit_format_def_find(const char *name)
{
	if (!name)
		return NULL;
	for (size_t i = 0; i < NFORMATS; i++)
		if (strcasecmp(formats[i]->info.name, name) == 0 || alias_match(formats[i]->aliases, name))
			return formats[i];
	return NULL;
}

const lit_format_info *lit_format_find(const char *name)
{
	const lit_format_def *d = lit_format_def_find(name);
	return d ? &d->info : NULL;
}

const char *lit_detect_format(const char *data, size_t len)
{
	int best = 0;
	const char *name = NULL;
	for (size_t i = 0; i < NFORMATS; i++) {
		if (!formats[i]->detect || !formats[i]->read)
			continue;
		int s = formats[i]->detect(data, len);
		if (s > best) {
			best = s;
			name = formats[i]->info.name;
		}
	}
	return best >= 10 ? name : NULL;
}

int lit_read_buffer(lit_records *out, const char *data, size_t len,
                    const lit_read_options *opts, lit_error *err)
{
	lit_read_options def = LIT_READ_OPTIONS_INIT;
	if (!opts)
		opts = &def;
	const char *fname = opts->filename;
	size_t max = opts->max_input ? opts->max_input : DEFAULT_MAX_INPUT;
	if (len > max)
		return lit_error_set(err, LIT_ELIMIT, fname, 0, "input is larger than %zu bytes", max);
	const lit_format_def *fmt = NULL;
	if (opts->format) {
		fmt = lit_format_def_find(opts->format);
		if (!fmt)
			return lit_error_set(err, LIT_ENOTFOUND, fname, 0, "unknown input format '%s'", opts->format);
		if (!fmt->read)
			return lit_error_set(err, LIT_EUNSUPPORTED, fname, 0, "format '%s' cannot be read", fmt->info.name);
	}
	char *text = NULL;
	size_t tlen = 0;
	int rc = lit_decode_text(data, len, opts->encoding, &text, &tlen, NULL, err);
	if (rc) {
		if (err && !err->file[0] && fname)
			snprintf(err->file, sizeof err->file, "%s", fname);
		return rc;
	}
	if (!fmt) {
		const char *name = lit_detect_format(text, tlen);
		fmt = name ? lit_format_def_find(name) : NULL;
		if (!fmt) {
			size_t i = 0;
			while (i < tlen && (text[i] == ' ' || text[i] == '\n' || text[i] == '\r' || text[i] == '\t'))
				i++;
			free(text);
			if (i == tlen)
				return LIT_OK; /* empty input: no records */
			return lit_error_set(err, LIT_EPARSE, fname, 0,
			                     "cannot tell the input format (use --from)");
		}
	}
	rc = fmt->read(out, text, tlen, fname, err);
	free(text);
	if (rc && err && !err->file[0] && fname)
		snprintf(err->file, sizeof err->file, "%s", fname);
	return rc;
}

/* Read a whole stream, refusing more than max bytes. */
static int slurp(FILE *f, size_t max, char **out, size_t *outlen)
{
	size_t cap = 65536, len = 0;
	char *buf = malloc(cap);
	if (!buf)
		return LIT_ENOMEM;
	for (;;) {
		if (len == cap) {
			if (cap > max) {
				free(buf);
				return LIT_ELIMIT;
			}
			char *nb = realloc(buf, cap * 2);
			if (!nb) {
				free(buf);
				return LIT_ENOMEM;
			}
			buf = nb;
			cap *= 2;
		}
		size_t n = fread(buf + len, 1, cap - len, f);
		len += n;
		if (n == 0)
			break;
	}
	if (ferror(f)) {
		free(buf);
		return LIT_EIO;
	}
	if (len > max) {
		free(buf);
		return LIT_ELIMIT;
	}
	*out = buf;
	*outlen = len;
	return LIT_OK;
}

int lit_read_file(lit_records *out, const char *path, const lit_read_options *opts,
                  lit_error *err)
{
	lit_read_options o = LIT_READ_OPTIONS_INIT;
	if (opts)
		o = *opts;
	int use_stdin = !path || strcmp(path, "-") == 0;
	if (!o.filename)
		o.filename = use_stdin ? "<stdin>" : path;
	size_t max = o.max_input ? o.max_input : DEFAULT_MAX_INPUT;
	FILE *f = use_stdin ? stdin : fopen(path, "rb");
	if (!f)
		return lit_error_set(err, LIT_EIO, o.filename, 0, "cannot open: %s", strerror(errno));
	struct stat st;
	if (!use_stdin && fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(f);
		return lit_error_set(err, LIT_EIO, o.filename, 0, "is a directory");
	}
	char *data = NULL;
	size_t len = 0;
	int rc = slurp(f, max, &data, &len);
	if (!use_stdin)
		fclose(f);
	if (rc == LIT_ELIMIT)
		return lit_error_set(err, rc, o.filename, 0, "input is larger than %zu bytes", max);
	if (rc)
		return lit_error_set(err, rc, o.filename, 0, "cannot read: %s",
		                     rc == LIT_EIO ? strerror(errno) : lit_strerror(rc));
	rc = lit_read_buffer(out, data, len, &o, err);
	free(data);
	return rc;
}

/* Where rendered output goes: nowhere (kept in the buffer) or a file
 * descriptor that receives it in pieces as the buffer fills. */
typedef struct sink {
	int fd;            /* -1: keep everything in the buffer */
	const char *name;  /* for messages */
} sink;

#define FLUSH_AT ((size_t)1 << 20)

static int write_fd(int fd, const char *data, size_t len)
{
	size_t off = 0;
	while (off < len) {
		ssize_t w = write(fd, data + off, len - off);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		off += (size_t)w;
	}
	return 0;
}

static int flush_sink(lit_buf *b, const sink *sk, lit_error *err)
{
	if (sk->fd < 0 || b->len == 0)
		return LIT_OK;
	if (write_fd(sk->fd, b->ptr, b->len))
		return lit_error_set(err, LIT_EIO, sk->name, 0, "write failed: %s", strerror(errno));
	lit_buf_clear(b);
	return LIT_OK;
}

/* The shared driver: runs a writer over the records into `b`, flushing to
 * the sink every megabyte when there is one. */
static int render(const lit_records *records, const char *format, const lit_write_options *opts,
                  lit_buf *b, const sink *sk, lit_error *err)
{
	lit_write_options def = LIT_WRITE_OPTIONS_INIT;
	const lit_format_def *fmt = lit_format_def_find(format);
	if (!fmt)
		return lit_error_set(err, LIT_ENOTFOUND, NULL, 0, "unknown output format '%s'",
		                     format ? format : "(none)");
	if (!fmt->write_all && !fmt->write_record)
		return lit_error_set(err, LIT_EUNSUPPORTED, NULL, 0, "format '%s' cannot be written",
		                     fmt->info.name);
	lit_wctx ctx = { b, opts ? opts : &def, err, records, 0, NULL };
	int rc = LIT_OK;
	if (fmt->write_all) {
		rc = fmt->write_all(&ctx, records);
	} else {
		if (fmt->write_begin)
			rc = fmt->write_begin(&ctx);
		size_t n = lit_records_count(records);
		for (size_t i = 0; rc == LIT_OK && i < n; i++) {
			ctx.index = i;
			rc = fmt->write_record(&ctx, lit_records_at(records, i));
			if (rc == LIT_OK && b->len >= FLUSH_AT && !b->failed)
				rc = flush_sink(b, sk, err);
		}
		if (fmt->write_end) {
			int rc2 = fmt->write_end(&ctx); /* always called: frees writer state */
			if (rc == LIT_OK)
				rc = rc2;
		}
	}
	if (rc == LIT_OK && (rc = lit_buf_status(b)) != LIT_OK)
		lit_error_set(err, rc, NULL, 0, "%s while writing %s", lit_strerror(rc), fmt->info.name);
	if (rc == LIT_OK)
		rc = flush_sink(b, sk, err);
	return rc;
}

int lit_write_buffer(const lit_records *records, const char *format,
                     const lit_write_options *opts, char **out, size_t *outlen,
                     lit_error *err)
{
	lit_buf b = LIT_BUF_INIT;
	sink none = { -1, NULL };
	*out = NULL;
	if (outlen)
		*outlen = 0;
	int rc = render(records, format, opts, &b, &none, err);
	if (rc) {
		lit_buf_free(&b);
		return rc;
	}
	*out = lit_buf_detach(&b, outlen);
	return *out ? LIT_OK : lit_error_set(err, LIT_ENOMEM, NULL, 0, "out of memory");
}

/* Create the temporary file next to `path`; *tmp receives its name. */
static int open_temp(const char *path, char **tmp, lit_error *err)
{
	size_t plen = strlen(path);
	*tmp = malloc(plen + 16);
	if (!*tmp)
		return lit_error_set(err, LIT_ENOMEM, path, 0, "out of memory");
	memcpy(*tmp, path, plen);
	memcpy(*tmp + plen, ".tmp.XXXXXX", 12);
	int fd = mkstemp(*tmp);
	if (fd < 0) {
		int e = errno;
		free(*tmp);
		*tmp = NULL;
		lit_error_set(err, LIT_EIO, path, 0, "cannot create: %s", strerror(e));
		return -1;
	}
	struct stat st;
	fchmod(fd, stat(path, &st) == 0 ? (st.st_mode & 07777) : 0644);
	return fd;
}

/* Close the temporary file and rename it over `path`, or remove it when
 * `rc` says the output failed. */
static int finish_temp(int fd, char *tmp, const char *path, int rc, lit_error *err)
{
	if (close(fd) != 0 && rc == LIT_OK)
		rc = lit_error_set(err, LIT_EIO, path, 0, "cannot write: %s", strerror(errno));
	if (rc == LIT_OK && rename(tmp, path) != 0)
		rc = lit_error_set(err, LIT_EIO, path, 0, "cannot write: %s", strerror(errno));
	if (rc != LIT_OK)
		unlink(tmp);
	free(tmp);
	return rc;
}

int lit_write_atomic(const char *path, const char *data, size_t len, lit_error *err)
{
	if (!path || strcmp(path, "-") == 0) {
		if (len && fwrite(data, 1, len, stdout) != len)
			return lit_error_set(err, LIT_EIO, "<stdout>", 0, "write failed: %s", strerror(errno));
		if (fflush(stdout) != 0)
			return lit_error_set(err, LIT_EIO, "<stdout>", 0, "write failed: %s", strerror(errno));
		return LIT_OK;
	}
	char *tmp;
	int fd = open_temp(path, &tmp, err);
	if (fd < 0)
		return err ? err->code : LIT_EIO;
	int rc = LIT_OK;
	if (write_fd(fd, data, len))
		rc = lit_error_set(err, LIT_EIO, path, 0, "write failed: %s", strerror(errno));
	return finish_temp(fd, tmp, path, rc, err);
}

int lit_write_file(const lit_records *records, const char *format,
                   const lit_write_options *opts, const char *path, lit_error *err)
{
	lit_buf b = LIT_BUF_INIT;
	int rc;
	if (!path || strcmp(path, "-") == 0) {
		/* Standard output: written in pieces as it is rendered.  A
		 * failure part-way cannot be undone on a pipe; it is reported. */
		if (fflush(stdout) != 0)
			return lit_error_set(err, LIT_EIO, "<stdout>", 0, "write failed: %s", strerror(errno));
		sink sk = { fileno(stdout), "<stdout>" };
		rc = render(records, format, opts, &b, &sk, err);
		lit_buf_free(&b);
		return rc;
	}
	/* Check the format before creating anything. */
	const lit_format_def *fmt = lit_format_def_find(format);
	if (!fmt || (!fmt->write_all && !fmt->write_record)) {
		return render(records, format, opts, &b, &(sink){ -1, NULL }, err);
	}
	char *tmp;
	int fd = open_temp(path, &tmp, err);
	if (fd < 0)
		return err ? err->code : LIT_EIO;
	sink sk = { fd, path };
	rc = render(records, format, opts, &b, &sk, err);
	lit_buf_free(&b);
	return finish_temp(fd, tmp, path, rc, err);
}
