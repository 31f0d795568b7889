#!/usr/bin/env python3
"""Kills `parley serve` with SIGKILL under load, again and again, and checks the CRM store.

Each round starts the server on a fresh port with the same store, loads it with customers on
the TCP line protocol (JSON Lines: hello, then one message after another, each waiting for its
answer), and kills it with SIGKILL at a random moment. A reply the client received is a
message the server acknowledged: it said it had stored it. After the last round the script
opens the store and prints how many acknowledged messages (the customer's and the bot's, by
conversation and id) it holds, and SQLite's `PRAGMA integrity_check`. Exit status 1 when one is missing or the
check is not `ok`.

Usage: python3 scripts/kill-test.py [--rounds 20] [--customers 40] [--parley .build/debug/parley]
Run from the repository (it serves the shipped demo bot). Needs only Python's standard library.
"""

import argparse
import asyncio
import json
import os
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time

MESSAGES = [
    "where is my order A-10234",
    "how long does delivery take",
    "I want to return the shoes",
    "what payment methods do you take",
    "do you have wireless headphones in stock",
    "thanks!",
]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(parley, work, http_port, line_port):
    env = dict(os.environ, PARLEY_MESSAGES_PER_SECOND="1000000", PARLEY_BURST="1000000")
    log = open(os.path.join(work, "server.log"), "ab")
    server = subprocess.Popen(
        [parley, "serve", "--store", os.path.join(work, "parley.sqlite"),
         "--model", os.path.join(work, "model.parley"), "--settings", os.path.join(work, "none.yml"),
         "--port", str(http_port), "--line-port", str(line_port)],
        stdout=log, stderr=log, env=env)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"the server stopped at start; see {work}/server.log")
        try:
            with socket.create_connection(("127.0.0.1", line_port), timeout=0.2):
                return server
        except OSError:
            time.sleep(0.1)
    sys.exit("the server did not start within 300 s")


async def customer(port, acknowledged, stop):
    """One customer: each message the server acknowledged goes into `acknowledged` as
    (conversation id, message id), so that an id reused after a lost write is not mistaken
    for the lost message."""
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b'{"type":"hello"}\n')
        await writer.drain()
        conversation = None
        while not stop.is_set():
            line = await reader.readline()
            if not line:
                return
            event = json.loads(line)
            kind = event.get("type")
            if kind == "welcome":
                conversation = event["conversation_id"]
            elif kind in ("reply", "received"):
                for key in ("id", "in_reply_to"):
                    if key in event:
                        acknowledged.add((conversation, event[key]))
                if kind == "reply" and event.get("from") != "bot":
                    continue
                writer.write((json.dumps({"type": "message", "text": random.choice(MESSAGES)}) + "\n").encode())
                await writer.drain()
    except (ConnectionError, OSError, asyncio.IncompleteReadError, json.JSONDecodeError, KeyError):
        return


async def round_of_load(port, customers, acknowledged, kill):
    stop = asyncio.Event()
    tasks = [asyncio.create_task(customer(port, acknowledged, stop)) for _ in range(customers)]
    await asyncio.sleep(random.uniform(0.5, 3.0))
    kill()
    await asyncio.wait(tasks, timeout=5)
    stop.set()
    for task in tasks:
        task.cancel()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--customers", type=int, default=40)
    parser.add_argument("--parley", default=".build/debug/parley")
    parser.add_argument("--seed", type=int, default=None)
    arguments = parser.parse_args()
    random.seed(arguments.seed)
    work = tempfile.mkdtemp(prefix="parley-kill-test-")
    acknowledged = set()
    idle_rounds = 0
    for number in range(1, arguments.rounds + 1):
        http_port, line_port = free_port(), free_port()
        server = start_server(arguments.parley, work, http_port, line_port)
        before = len(acknowledged)
        asyncio.run(round_of_load(line_port, arguments.customers, acknowledged,
                                  lambda: server.send_signal(signal.SIGKILL)))
        server.wait()
        idle_rounds += len(acknowledged) == before
        print(f"round {number}: killed with SIGKILL after {len(acknowledged) - before} acknowledged messages",
              flush=True)

    database = sqlite3.connect(os.path.join(work, "parley.sqlite"))
    integrity = database.execute("PRAGMA integrity_check").fetchone()[0]
    stored = set()
    for conversation, identifier in database.execute("SELECT conversationId, id FROM message"):
        if (conversation, identifier) in acknowledged:
            stored.add((conversation, identifier))
    total = database.execute("SELECT count(*) FROM message").fetchone()[0]
    missing = len(acknowledged - stored)
    print(f"rounds {arguments.rounds}, acknowledged messages {len(acknowledged)}, in the store {len(stored)}, "
          f"missing {missing}; messages stored in all {total}; integrity_check {integrity}")
    if idle_rounds:
        print(f"{idle_rounds} rounds had no acknowledged message: nothing was tested in them", file=sys.stderr)
    if missing or integrity != "ok" or idle_rounds == arguments.rounds:
        print(f"store kept in {work}", file=sys.stderr)
        sys.exit(1)
    subprocess.run(["rm", "-rf", work])


if __name__ == "__main__":
    main()
