#!/usr/bin/env python3
"""A static file server on 127.0.0.1 that appends "path bytes" to a log for every file it sends (bench only).

    count-server.py ROOT PORT LOG
"""
import http.server
import os
import sys

ROOT, PORT, LOG = sys.argv[1], int(sys.argv[2]), sys.argv[3]


class Handler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=ROOT, **kwargs)

    def copyfile(self, source, outputfile):
        data = source.read()
        outputfile.write(data)
        with open(LOG, "a") as log:
            log.write("%s %d\n" % (self.path.split("?")[0], len(data)))

    def log_message(self, *args):
        pass


http.server.ThreadingHTTPServer.allow_reuse_address = True
http.server.ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
