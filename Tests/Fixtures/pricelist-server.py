#!/usr/bin/env python3
"""A stand-in for the AWS Price List bulk API on 127.0.0.1, for the `edgeplan pricing fetch` tests.

Serves the files under --root (Tests/Fixtures/pricelist: offers/v1.0/aws/<offer>/...) at the same
paths as https://pricing.us-east-1.amazonaws.com, on a free port it prints as `PORT <n>` once it
listens. Every request path is appended to --log. --fault PATH=MODE breaks one path:

  status:NNN  answer with that HTTP status (404, 500, 301 to another host)
  corrupt     send the first half of the file as if it were all of it (invalid JSON, whole transfer)
  truncate    announce the whole length, send half, close the connection (a transfer cut short)
  hang        read the request and never answer
"""
import argparse
import http.server
import os
import signal
import sys
import threading
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", required=True)
    parser.add_argument("--log", required=True)
    parser.add_argument("--fault", action="append", default=[])
    args = parser.parse_args()
    # A test runner may start this with signals blocked (inherited from its thread): let it be stopped.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    root = os.path.realpath(args.root)
    faults = dict(f.split("=", 1) for f in args.fault)
    lock = threading.Lock()

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *_):
            pass

        def do_GET(self):
            with lock, open(args.log, "a") as log:
                log.write(self.path + "\n")
            fault = faults.get(self.path, "")
            if fault == "hang":
                time.sleep(3600)
                return
            if fault.startswith("status:"):
                code = int(fault.split(":", 1)[1])
                self.send_response(code)
                if 300 <= code < 400:
                    self.send_header("Location", "http://198.51.100.1" + self.path)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            path = os.path.realpath(os.path.join(root, self.path.lstrip("/")))
            if not path.startswith(root + os.sep) or not os.path.isfile(path):
                body = b"<Error><Code>NoSuchKey</Code></Error>"
                self.send_response(404)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            with open(path, "rb") as f:
                body = f.read()
            half = body[: len(body) // 2]
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(half) if fault == "corrupt" else len(body)))
            self.end_headers()
            self.wfile.write(half if fault in ("corrupt", "truncate") else body)
            if fault == "truncate":
                self.wfile.flush()
                self.close_connection = True

    # Stdin is a pipe from the test: when the test process ends, however it ends, so does this server.
    threading.Thread(target=lambda: (sys.stdin.buffer.read(), os._exit(0)), daemon=True).start()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print("PORT %d" % server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    sys.exit(0)


if __name__ == "__main__":
    main()
