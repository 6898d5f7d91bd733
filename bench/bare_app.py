"""A bare FastAPI app on the same server stack: the floor under ncbnet's HTTP figures."""

from fastapi import FastAPI

app = FastAPI()


@app.get("/healthz")
def healthz() -> dict[str, str]:
    return {"status": "ok"}
