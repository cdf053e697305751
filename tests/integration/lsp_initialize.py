"""Sends `initialize` (then `shutdown` and `exit`) to a language server over stdio and prints the
server's name and version from the answer. Exits 1 on no answer within 60 s (a hang detector: the
first start of a Windows binary under Wine takes seconds). Usage: lsp_initialize.py COMMAND..."""

import json
import subprocess
import sys
import threading


def frame(message):
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n%s" % (len(body), body)


def read_message(stream):
    length = None
    while True:
        line = stream.readline()
        if not line:
            return None
        if line in (b"\r\n", b"\n"):
            break
        name, _, value = line.decode("ascii", "replace").partition(":")
        if name.strip().lower() == "content-length":
            length = int(value.strip())
    return json.loads(stream.read(length)) if length is not None else None


def main():
    server = subprocess.Popen(sys.argv[1:], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    timer = threading.Timer(60, server.kill)
    timer.start()
    try:
        server.stdin.write(frame({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                                  "params": {"processId": None, "rootUri": None, "capabilities": {}}}))
        server.stdin.flush()
        answer = None
        while answer is None or answer.get("id") != 1:
            answer = read_message(server.stdout)
            if answer is None:
                print("no answer to initialize", file=sys.stderr)
                return 1
        info = answer.get("result", {}).get("serverInfo", {})
        sync = answer.get("result", {}).get("capabilities", {}).get("textDocumentSync")
        print(f"{info.get('name')} {info.get('version')} textDocumentSync={json.dumps(sync)}")
        server.stdin.write(frame({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}))
        server.stdin.write(frame({"jsonrpc": "2.0", "method": "exit"}))
        server.stdin.close()
        server.wait()
        return 0 if info.get("name") == "section55" else 1
    finally:
        timer.cancel()


sys.exit(main())
