"""A fake OpenAI-compatible server on loopback, scripted per test.

`FakeOpenAI.script(*answers)` queues what the next requests get: `(status, body)` with a
dict or raw bytes body, optional headers, or `HANG` (the handler waits until the server
stops, so the client's read timeout fires; no sleeping). `requests` records each request
(path, headers, JSON body).
"""

from __future__ import annotations

import json
import threading
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

HANG = object()


class FakeOpenAI:
    def __init__(self) -> None:
        self.answers: deque = deque()
        self.requests: list[dict[str, Any]] = []
        self.release = threading.Event()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                raw = self.rfile.read(length)
                fake.requests.append(
                    {"path": self.path, "headers": dict(self.headers), "json": json.loads(raw)}
                )
                answer = fake.answers.popleft() if fake.answers else (500, {"error": "unscripted"})
                if answer is HANG:
                    fake.release.wait(timeout=30)
                    return
                status, body, *rest = answer
                headers = rest[0] if rest else {}
                payload = body if isinstance(body, bytes) else json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(payload)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}/v1"

    def script(self, *answers) -> None:
        self.answers.extend(answers)

    def start(self) -> FakeOpenAI:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


def chat_answer(
    content: Any, *, prompt_tokens=300, completion_tokens=120, cached_tokens=100
) -> dict:
    """A chat-completions body whose message content is `content` (JSON-encoded unless str)."""
    return {
        "id": "chatcmpl-fake-1",
        "object": "chat.completion",
        "choices": [
            {
                "index": 0,
                "message": {
                    "role": "assistant",
                    "content": content if isinstance(content, str) else json.dumps(content),
                },
                "finish_reason": "stop",
            }
        ],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
            "prompt_tokens_details": {"cached_tokens": cached_tokens},
        },
    }


GOOD_ADVICE = {
    "recommendations": [
        {
            "key": "rabies-overdue",
            "category": "Vaccination",
            "urgency": "High",
            "title": "Rabies booster overdue",
            "summary": "The rabies booster was due last month.",
            "details": "Book a visit with your vet.",
            "confidence": 0.91,
        }
    ]
}
