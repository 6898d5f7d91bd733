"""ASGI middleware: a request body ceiling and the CSRF seed cookie.

Plain ASGI rather than BaseHTTPMiddleware: it sits on the hot path of border screening, and it
must not buffer bodies it is about to refuse.
"""

from __future__ import annotations

import json
import secrets
from http.cookies import SimpleCookie
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSRF_COOKIE = "ncbnet_csrf"


class BodyLimitMiddleware:
    """Refuses bodies over the limit with 413 before the app sees them.

    A declared Content-Length is checked up front. A body without one (chunked) is read here
    up to the limit and replayed to the app: raising from inside ``receive`` instead would be
    caught by the framework's body parser and reported as a generic 400.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _header(scope, b"content-length")
        if declared is not None and declared.isdigit():
            if int(declared) > self.max_bytes:
                await self._refuse(scope, send)
                return
            await self.app(scope, receive, send)
            return
        if scope.get("method") in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                await self.app(scope, _replay([message]), send)
                return
            size += len(message.get("body", b""))
            if size > self.max_bytes:
                await self._refuse(scope, send)
                return
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                break
        body = {"type": "http.request", "body": b"".join(chunks), "more_body": False}
        await self.app(scope, _replay([body], receive), send)

    async def _refuse(self, scope: Scope, send: Send) -> None:
        await _send_problem(
            send,
            413,
            "Payload too large",
            f"request body exceeds {self.max_bytes} bytes",
            scope.get("path", ""),
        )


def _replay(messages: list[Message], then: Receive | None = None) -> Receive:
    pending = list(messages)

    async def receive() -> Message:
        if pending:
            return pending.pop(0)
        if then is not None:
            return await then()
        return {"type": "http.disconnect"}

    return receive


class CsrfSeedMiddleware:
    """Gives every browser a random HttpOnly seed; forms carry an HMAC of it (see web/deps)."""

    def __init__(self, app: ASGIApp, secure: bool) -> None:
        self.app = app
        self.secure = secure

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        cookies = SimpleCookie(_header(scope, b"cookie") or "")
        seed = cookies[CSRF_COOKIE].value if CSRF_COOKIE in cookies else None
        fresh = seed is None or len(seed) < 20
        if fresh:
            seed = secrets.token_urlsafe(24)
        scope.setdefault("state", {})["csrf_seed"] = seed

        async def send_with_cookie(message: Message) -> None:
            if fresh and message["type"] == "http.response.start":
                attrs = f"{CSRF_COOKIE}={seed}; Path=/; HttpOnly; SameSite=Lax"
                if self.secure:
                    attrs += "; Secure"
                headers = list(message.get("headers", []))
                headers.append((b"set-cookie", attrs.encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_cookie)


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return str(value.decode("latin-1"))
    return None


async def _send_problem(send: Send, status: int, title: str, detail: str, path: str) -> None:
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": title,
        "status": status,
        "detail": detail,
        "instance": path,
    }
    payload = json.dumps(body).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/problem+json"),
                (b"content-length", str(len(payload)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": payload})
