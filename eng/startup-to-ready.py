#!/usr/bin/env python3
"""Seconds from launching a published bot to /readyz answering 200, warm (the database already made), with the
moments that matter on the way: the migration done, the port open, the knowledge loaded.

    dotnet publish bot/ArtBot.Bot/ArtBot.Bot.csproj -c Release -o out/a --runtime linux-x64 --self-contained false -p:PublishReadyToRun=true
    python3 eng/startup-to-ready.py out/a [out/b ...] [--runs 3]

Several folders are started in turn (a, b, a, b, ...), so each comparison shares the machine's state. The first
start of each folder makes its database and is not counted. Standard library only.
"""
import argparse
import os
import socket
import subprocess
import tempfile
import threading
import time
import urllib.request

MOMENTS = {
    "Migrations[20405]": "migrated",
    "Lifetime[14]": "port open",
    "KnowledgeWarmUp": "knowledge loaded",
}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_once(folder, data):
    port = free_port()
    command = ["dotnet", os.path.join(folder, "ArtBot.Bot.dll"), "--urls", f"http://127.0.0.1:{port}",
               "--Database:SqlitePath", os.path.join(data, "artbot.db"),
               "--UnansweredQuestions:FilePath", os.path.join(data, "unanswered.jsonl"),
               "--Clinic:PhoneNumber", "+1 416-555-0100"]
    started = time.monotonic()
    bot = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    seen = {}

    def read():
        for line in bot.stdout:
            for marker, name in MOMENTS.items():
                if marker in line and name not in seen:
                    seen[name] = time.monotonic() - started

    threading.Thread(target=read, daemon=True).start()
    try:
        while True:
            if bot.poll() is not None:
                raise SystemExit(f"{folder}: the bot exited with {bot.returncode} before it was ready")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=5) as response:
                    if response.status == 200:
                        return time.monotonic() - started, seen
            except OSError:
                pass
            time.sleep(0.05)
    finally:
        bot.kill()
        bot.wait()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="+", help="published bots (dotnet publish -o ...)")
    parser.add_argument("--runs", type=int, default=3)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="artbot-startup-") as root:
        data = {folder: os.path.join(root, str(index)) for index, folder in enumerate(arguments.folders)}
        for folder in arguments.folders:
            os.makedirs(data[folder])
            start_once(folder, data[folder])
        for run in range(1, arguments.runs + 1):
            for folder in arguments.folders:
                ready, seen = start_once(folder, data[folder])
                moments = ", ".join(f"{name} {seconds:.2f} s" for name, seconds in sorted(seen.items(), key=lambda item: item[1]))
                print(f"run {run}  {folder}: ready {ready:.2f} s  ({moments})", flush=True)


if __name__ == "__main__":
    main()
