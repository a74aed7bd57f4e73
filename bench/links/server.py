#!/usr/bin/env python3
"""server.py - loopback server for the link-check benchmark (issue 5, item 8).

Listens on 127.0.0.1 .. 127.0.0.N (same port), answers every request after
LATENCY ms, and serves a realistic status mix keyed by the path:

  /KIND/ID   KIND: ok, r301, r302 (-> /ok/ID), 404, 410, 403, 999,
             429once (429 Retry-After: 1, then 200), 500,
             503rec (503 for 1.5 s after the first hit, then 200),
             nohead (HEAD 405, GET 200)

  server.py serve --hosts N --latency MS     prints the port, serves until stdin closes
  server.py gen --hosts N --count C --port P  prints "URL<TAB>expected-verdict" lines

Standard library only (asyncio, one thread): the server is not the bottleneck
at the concurrencies measured (checked with curl --parallel).
"""
import asyncio
import os
import random
import socket
import sys
import time

# per 1000 URLs: a mix like a real reference list (mostly fine, some dead,
# some bot walls and rate limits, a few flaky servers)
MIX = [("ok", 790), ("r301", 30), ("r302", 30), ("404", 50), ("410", 10), ("403", 20),
       ("999", 10), ("429once", 10), ("500", 10), ("503rec", 10), ("nohead", 30)]
EXPECT = {"ok": "ok", "r301": "redirect", "r302": "redirect", "404": "broken",
          "410": "broken", "403": "unverifiable", "999": "unverifiable", "429once": "ok",
          "500": "server-error", "503rec": "ok", "nohead": "ok"}

REASON = {200: "OK", 301: "Moved Permanently", 302: "Found", 403: "Forbidden",
          404: "Not Found", 405: "Method Not Allowed", 410: "Gone", 429: "Too Many Requests",
          500: "Internal Server Error", 503: "Service Unavailable", 999: "Request denied"}

first_hit = {}


def answer(method, path):
    parts = path.split("?")[0].strip("/").split("/")
    kind = parts[0] if parts else "ok"
    ident = parts[1] if len(parts) > 1 else "0"
    hdrs = []
    if kind == "ok":
        code = 200
    elif kind in ("r301", "r302"):
        code = int(kind[1:])
        hdrs.append("Location: /ok/" + ident)
    elif kind in ("404", "410", "403", "999", "500"):
        code = int(kind)
    elif kind == "429once":
        n = first_hit.get(path, 0)
        first_hit[path] = n + 1
        code = 429 if n == 0 else 200
        if code == 429:
            hdrs.append("Retry-After: 1")
    elif kind == "503rec":
        t0 = first_hit.setdefault(path, time.monotonic())
        code = 503 if time.monotonic() - t0 < 1.5 else 200
    elif kind == "nohead":
        code = 405 if method == "HEAD" else 200
    else:
        code = 404
    body = b"<html><head><title>%d</title></head><body>page %s</body></html>" % (code, ident.encode())
    head = "HTTP/1.1 %d %s\r\nContent-Type: text/html\r\nContent-Length: %d\r\n%s\r\n" % (
        code, REASON.get(code, "Status"), len(body), "".join(h + "\r\n" for h in hdrs))
    return head.encode() + (b"" if method == "HEAD" else body)


async def handle(reader, writer, latency):
    try:
        while True:
            data = await reader.readuntil(b"\r\n\r\n")
            line = data.split(b"\r\n", 1)[0].decode("latin-1").split()
            if len(line) < 2:
                break
            method, path = line[0], line[1]
            if path.startswith("http://"):
                path = "/" + path.split("/", 3)[3] if path.count("/") >= 3 else "/"
            close = b"connection: close" in data.lower()
            await asyncio.sleep(latency)
            writer.write(answer(method, path))
            await writer.drain()
            if close:
                break
    except (asyncio.IncompleteReadError, ConnectionResetError, BrokenPipeError,
            asyncio.LimitOverrunError):
        pass
    finally:
        try:
            writer.close()
        except Exception:
            pass


async def serve(hosts, latency):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    servers = []
    for h in range(1, hosts + 1):
        srv = await asyncio.start_server(lambda r, w: handle(r, w, latency),
                                         "127.0.0.%d" % h, port, backlog=1024)
        servers.append(srv)
    sys.stdout.write("%d\n" % port)
    sys.stdout.flush()
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, sys.stdin.read)
    os._exit(0)


def gen(hosts, count, port, seed=5):
    rnd = random.Random(seed)
    kinds = [k for k, n in MIX for _ in range(n)]
    for i in range(count):
        k = kinds[rnd.randrange(len(kinds))]
        h = 1 + i % hosts
        print("http://127.0.0.%d:%d/%s/%d\t%s" % (h, port, k, i, EXPECT[k]))


def main():
    args = sys.argv[1:]
    opt = lambda name, d: type(d)(args[args.index(name) + 1]) if name in args else d
    if args and args[0] == "gen":
        gen(opt("--hosts", 8), opt("--count", 10000), opt("--port", 8080))
    else:
        asyncio.run(serve(opt("--hosts", 8), opt("--latency", 50) / 1000.0))


if __name__ == "__main__":
    main()
