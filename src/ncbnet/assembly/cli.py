from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from ncbnet.assembly import service
from ncbnet.assembly.schemas import Choice, SessionCreate, VoteCreate
from ncbnet.core.members import Region
from ncbnet.core.permissions import system_caller
from ncbnet.runtime import cli_database, fail_on_error

app = typer.Typer(help="General Assembly sessions and admission votes.", no_args_is_help=True)


@app.command("sessions")
def sessions_command() -> None:
    """List sessions and their admission votes."""
    with fail_on_error(), cli_database().read() as session:
        data = service.overview(session, system_caller())
        table = Table("session", "city", "vote id", "candidate", "status", "yes/no/abstain")
        table.columns[2].no_wrap = True
        for s in data.sessions:
            votes = data.votes_by_session.get(s.id) or []
            if not votes:
                table.add_row(str(s.number), s.city, "", "", "", "")
            for v in votes:
                table.add_row(
                    str(s.number),
                    s.city,
                    v.id,
                    v.candidate,
                    v.outcome or v.status,
                    f"{v.yes}/{v.no}/{v.abstain}" if v.outcome else "",
                )
    Console().print(table)


@app.command("open-session")
def open_session(
    number: Annotated[int, typer.Option(help="Session number, e.g. 94.")],
    city: Annotated[str, typer.Option(help="Host city.")],
    opens_on: Annotated[str, typer.Option(help="YYYY-MM-DD")],
    closes_on: Annotated[str, typer.Option(help="YYYY-MM-DD")],
    host_country: Annotated[str | None, typer.Option(help="ISO code of the host.")] = None,
) -> None:
    """Create a General Assembly session."""
    with fail_on_error(), cli_database().write() as session:
        data = SessionCreate.model_validate(
            {
                "number": number,
                "city": city,
                "host_country": host_country,
                "opens_on": opens_on,
                "closes_on": closes_on,
            }
        )
        row = service.create_session(session, system_caller(), data)
        typer.echo(f"session {row.number} id={row.id}")


@app.command("open-vote")
def open_vote(
    session_id: Annotated[str, typer.Option(help="Session id.")],
    candidate: Annotated[str, typer.Option(help="Candidate's ISO code.")],
    region: Annotated[Region, typer.Option(help="Region the new member will belong to.")],
) -> None:
    """Open an admission vote for a candidate country."""
    with fail_on_error(), cli_database().write() as session:
        vote = service.open_vote(
            session,
            system_caller(),
            VoteCreate(session_id=session_id, candidate=candidate, region=region),
        )
        typer.echo(f"vote id={vote.id}")


@app.command("ballot")
def record_ballot(
    vote_id: Annotated[str, typer.Argument(help="Vote id.")],
    bureau: Annotated[str, typer.Option(help="Member bureau whose ballot this is.")],
    choice: Annotated[Choice, typer.Option(help="yes, no or abstain.")],
) -> None:
    """Record a delegation's ballot cast in the hall."""
    with fail_on_error(), cli_database().write() as session:
        service.cast_ballot(session, system_caller(), vote_id, choice, bureau=bureau)
        typer.echo(f"recorded {bureau.upper()}: {choice}")


@app.command("close")
def close(vote_id: Annotated[str, typer.Argument(help="Vote id.")]) -> None:
    """Close a vote, count it and, on two thirds, admit the candidate."""
    with fail_on_error(), cli_database().write() as session:
        vote = service.close_vote(session, system_caller(), vote_id)
        typer.echo(
            f"{vote.candidate}: {vote.outcome} (yes {vote.yes}, no {vote.no}, "
            f"abstain {vote.abstain})"
        )
