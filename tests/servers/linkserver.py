#!/usr/bin/env python3
"""linkserver.py - the HTTP (and HTTPS) server the link-checker tests start
on 127.0.0.1.  It serves every case litera check must judge: statuses,
redirect chains and loops, redirects to refused schemes, HEAD refusals,
rate limits with Retry-After, a 503 that recovers, slow answers, dropped
connections, a huge body, and stand-ins for the DOI handle API, DOI
content negotiation and the Wayback availability API.

Usage: linkserver.py [--cert CERT --key KEY]
Prints "HTTP_PORT HTTPS_PORT" (0 when no TLS) on one line, then serves
until its standard input closes (so it never outlives the test).
Standard library only.
"""
import email.utils
import json
import os
import socket
import ssl
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

STATE = {"first": {}, "hits": [], "inflight": 0, "max_inflight": 0}
LOCK = threading.Lock()

# DOIs the handle API stand-in knows, with their CSL-JSON metadata.
DOIS = {
    "10.1234/good.2020": {
        "type": "article-journal", "title": "Checking links in reference lists",
        "author": [{"family": "Petrova", "given": "Anna"}],
        "container-title": "Journal of Testing", "volume": "12", "issue": "3",
        "page": "45-67", "issued": {"date-parts": [[2020, 5, 1]]},
    },
    "10.5555/other-work": {
        "type": "article-journal", "title": "An entirely different paper about fish",
        "issued": {"date-parts": [[1999]]},
    },
    "10.7777/html-only": None,
    "10.1234/walled": None,   # its landing page is a bot wall
}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "linkserver/1"

    def log_message(self, fmt, *args):  # quiet
        pass

    def send(self, code, body=b"", headers=None, ctype="text/html"):
        if isinstance(body, str):
            body = body.encode()
        self.send_response(code)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_HEAD(self):
        self.route()

    def do_GET(self):
        self.route()

    def route(self):
        with LOCK:
            STATE["inflight"] += 1
            STATE["max_inflight"] = max(STATE["max_inflight"], STATE["inflight"])
            STATE["hits"].append({"method": self.command, "path": self.path,
                                  "ua": self.headers.get("User-Agent", ""),
                                  "accept": self.headers.get("Accept", ""),
                                  "t": time.time()})
        try:
            self.dispatch()
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        finally:
            with LOCK:
                STATE["inflight"] -= 1

    def dispatch(self):
        u = urllib.parse.urlsplit(self.path)
        path, q = u.path, urllib.parse.parse_qs(u.query)
        parts = [p for p in path.split("/") if p]
        head = parts[0] if parts else ""
        if path in ("/", "/ok") or head == "ok" or head.startswith("%D0") or head == "page":
            return self.send(200, "<html><title>ok</title>fine</html>")
        if head == "redirect":
            return self.send(int(parts[1]), "moved", {"Location": "/ok"})
        if head == "chain":  # /chain/N/CODE -> /chain/N-1/CODE ... -> /ok
            n, code = int(parts[1]), int(parts[2]) if len(parts) > 2 else 301
            loc = "/ok" if n <= 1 else "/chain/%d/%d" % (n - 1, code)
            return self.send(code, "moved", {"Location": loc})
        if head == "mixchain":  # 301 then 302 then /ok
            return self.send(301, "", {"Location": "/redirect/302"})
        if head == "loop":
            return self.send(302, "", {"Location": "/loop/b" if parts[1] == "a" else "/loop/a"})
        if head == "selfloop":
            return self.send(301, "", {"Location": path})
        if head == "tocyr":  # raw UTF-8 in Location, as some servers send
            return self.send(302, "", {"Location": "/ok/путь".encode().decode("latin-1")})
        if head == "paced":  # announces a rate like Crossref does
            return self.send(200, "ok", {"X-Rate-Limit-Limit": "5", "X-Rate-Limit-Interval": "1s"})
        if head == "walled":
            return self.send(302, "", {"Location": "/login?next=" + path})
        if head == "login":
            return self.send(200, "<html>sign in</html>")
        if head == "tobad":
            return self.send(301, "", {"Location": "http://exa mple.com/"})
        if head == "tofile":
            return self.send(302, "", {"Location": "file:///etc/passwd"})
        if head == "toftp":
            return self.send(301, "", {"Location": "ftp://127.0.0.1/pub/file.txt"})
        if head == "to404":
            return self.send(301, "", {"Location": "/status/404"})
        if head == "status":
            return self.send(int(parts[1]), "status %s" % parts[1])
        if head == "ratelimit":  # /ratelimit/once/KEY or /ratelimit/always/KEY
            key = path
            with LOCK:
                n = STATE["first"].get(key, 0)
                STATE["first"][key] = n + 1
            if parts[1] == "always" or n == 0:
                ra = q.get("ra", ["1"])[0]
                if ra == "date":  # an HTTP-date two seconds ahead
                    ra = email.utils.formatdate(time.time() + 2, usegmt=True)
                return self.send(429, "slow down", {"Retry-After": ra})
            return self.send(200, "ok now")
        if head == "recover":  # 503 for 1.5 s after the first hit, then 200
            with LOCK:
                t0 = STATE["first"].setdefault(path, time.time())
            if time.time() - t0 < float(q.get("after", ["1.5"])[0]):
                return self.send(503, "busy")
            return self.send(200, "recovered")
        if head == "nohead":  # HEAD refused with the given status, GET fine
            if self.command == "HEAD":
                return self.send(int(parts[1]), "")
            return self.send(200, "get works")
        if head == "slow":
            time.sleep(float(parts[1]))
            return self.send(200, "finally")
        if head == "sleepms":
            time.sleep(int(parts[1]) / 1000.0)
            return self.send(200, "ok")
        if head == "drop":
            self.close_connection = True
            try:
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            return
        if head == "huge":
            size = 512 * 1024 * 1024
            self.send_response(200)
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Content-Length", str(size))
            self.end_headers()
            if self.command == "HEAD":
                return
            chunk = b"\0" * 65536
            sent = 0
            while sent < size:
                self.wfile.write(chunk)
                sent += len(chunk)
            return
        if head == "api" and len(parts) >= 3 and parts[1] == "handles":
            doi = urllib.parse.unquote("/".join(parts[2:])).lower()
            if doi in DOIS:
                body = {"responseCode": 1, "handle": doi, "values": [
                    {"index": 1, "type": "URL", "data": {"format": "string",
                     "value": "http://127.0.0.1:%d/%s" % (self.server.server_port,
                         "status/403" if doi == "10.1234/walled" else "landing/" + doi)},
                     "ttl": 86400, "timestamp": "2020-03-19T11:37:54Z"}]}
                return self.send(200, json.dumps(body), ctype="application/json")
            return self.send(404, json.dumps({"responseCode": 100, "handle": doi}),
                             ctype="application/json")
        if head == "doi":  # content negotiation stand-in
            doi = urllib.parse.unquote("/".join(parts[1:])).lower()
            if doi not in DOIS:
                return self.send(404, "DOI Not Found")
            acc = self.headers.get("Accept", "")
            if "citationstyles.csl+json" in acc and DOIS[doi] is not None:
                return self.send(302, "", {"Location": "/csl/" + urllib.parse.quote(doi)})
            return self.send(302, "", {"Location": "/landing/" + urllib.parse.quote(doi)})
        if head == "csl":
            doi = urllib.parse.unquote("/".join(parts[1:])).lower()
            meta = dict(DOIS[doi])
            meta["DOI"] = doi
            return self.send(200, json.dumps(meta), ctype="application/vnd.citationstyles.csl+json")
        if head == "landing":
            return self.send(200, "<html>landing page</html>")
        if head == "wayback":  # /wayback/available?url=&timestamp=
            url = q.get("url", [""])[0]
            ts = q.get("timestamp", ["20200101"])[0]
            ts = (ts + "000000")[:14] if len(ts) >= 8 else "20200101000000"
            if "/status/" in url or "archived" in url:
                snap = {"available": True, "status": "200", "timestamp": ts,
                        "url": "http://web.archive.org/web/%s/%s" % (ts, url)}
                return self.send(200, json.dumps({"url": url, "archived_snapshots": {"closest": snap}}),
                                 ctype="application/json")
            return self.send(200, json.dumps({"url": url, "archived_snapshots": {}}),
                             ctype="application/json")
        if head == "_hits":
            with LOCK:
                body = json.dumps({"hits": STATE["hits"], "max_inflight": STATE["max_inflight"]})
            return self.send(200, body, ctype="application/json")
        if head == "_reset":
            with LOCK:
                STATE["hits"].clear()
                STATE["max_inflight"] = 0
            return self.send(200, "reset")
        return self.send(404, "no such page")


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256


def main():
    args = sys.argv[1:]
    cert = key = None
    if "--cert" in args:
        cert = args[args.index("--cert") + 1]
        key = args[args.index("--key") + 1]
    httpd = Server(("127.0.0.1", 0), Handler)
    servers = [httpd]
    sport = 0
    if cert:
        httpsd = Server(("127.0.0.1", 0), Handler)
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(cert, key)
        httpsd.socket = ctx.wrap_socket(httpsd.socket, server_side=True)
        sport = httpsd.server_port
        servers.append(httpsd)
    for s in servers:
        threading.Thread(target=s.serve_forever, daemon=True).start()
    sys.stdout.write("%d %d\n" % (httpd.server_port, sport))
    sys.stdout.flush()
    try:
        sys.stdin.read()  # until the test closes the pipe
    except KeyboardInterrupt:
        pass
    os._exit(0)


if __name__ == "__main__":
    main()
