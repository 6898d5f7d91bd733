from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from ncbnet.accounts import service
from ncbnet.accounts.schemas import TokenCreate, UserCreate
from ncbnet.core import identity
from ncbnet.core.permissions import Role, system_caller
from ncbnet.runtime import cli_database, fail_on_error, load_settings

users_app = typer.Typer(help="Users of bureaus.", no_args_is_help=True)
tokens_app = typer.Typer(help="API tokens of bureaus.", no_args_is_help=True)


@users_app.command("add")
def users_add(
    username: Annotated[str, typer.Argument(help="e.g. officer2.fr")],
    bureau: Annotated[str, typer.Option(help="Bureau code, e.g. FR or GS.")],
    role: Annotated[Role, typer.Option(help="The user's role.")],
    full_name: Annotated[str, typer.Option(help="Full name.")] = "",
    password: Annotated[
        str | None, typer.Option(help="Password; asked for (hidden) when omitted.")
    ] = None,
) -> None:
    """Add a user to a bureau."""
    if password is None:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    settings = load_settings()
    with fail_on_error(), cli_database().write() as session:
        data = UserCreate(
            username=username, bureau=bureau, role=role, password=password, full_name=full_name
        )
        user = service.add_user(session, system_caller(), data, demo_mode=settings.demo_mode)
        typer.echo(f"created {user.username} ({user.role}, {user.bureau}) id={user.id}")


@users_app.command("list")
def users_list(
    bureau: Annotated[str | None, typer.Option(help="Only this bureau.")] = None,
) -> None:
    """List users."""
    with fail_on_error(), cli_database().read() as session:
        users = identity.list_users(session, system_caller(), bureau)
    table = Table("username", "bureau", "role", "active", "last login")
    for u in users:
        table.add_row(
            u.username,
            u.bureau,
            u.role,
            "yes" if u.active else "no",
            u.last_login_at.isoformat(timespec="seconds") if u.last_login_at else "",
        )
    Console().print(table)


@users_app.command("disable")
def users_disable(username: Annotated[str, typer.Argument(help="Username or id.")]) -> None:
    """Disable a user and end their sessions."""
    with fail_on_error(), cli_database().write() as session:
        user = identity.set_user_active(session, system_caller(), username, False)
        typer.echo(f"disabled {user.username}")


@users_app.command("enable")
def users_enable(username: Annotated[str, typer.Argument(help="Username or id.")]) -> None:
    """Enable a user again (also clears a lockout)."""
    with fail_on_error(), cli_database().write() as session:
        user = identity.set_user_active(session, system_caller(), username, True)
        typer.echo(f"enabled {user.username}")


@tokens_app.command("create")
def tokens_create(
    bureau: Annotated[str, typer.Option(help="Bureau the token acts for.")],
    name: Annotated[str, typer.Option(help="What the token is for, e.g. 'CDG border post'.")],
    scope: Annotated[list[str], typer.Option(help="A scope; repeat for several.")],
    expires_days: Annotated[int | None, typer.Option(help="Days until it expires.")] = None,
) -> None:
    """Create an API token; the secret is printed once."""
    with fail_on_error(), cli_database().write() as session:
        data = TokenCreate(
            name=name, bureau=bureau, scopes=scope, expires_at=service.expiry_in_days(expires_days)
        )
        created = service.issue_token(session, system_caller(), data)
    typer.echo(f"token id: {created.id}")
    typer.echo(f"secret (shown once): {created.token}")


@tokens_app.command("list")
def tokens_list(
    bureau: Annotated[str | None, typer.Option(help="Only this bureau.")] = None,
) -> None:
    """List API tokens (never their secrets)."""
    with fail_on_error(), cli_database().read() as session:
        tokens = identity.list_tokens(session, system_caller(), bureau)
    table = Table("id", "name", "bureau", "scopes", "revoked")
    for t in tokens:
        table.add_row(
            t.id,
            t.name,
            t.bureau,
            ",".join(t.scope_list),
            t.revoked_at.isoformat(timespec="seconds") if t.revoked_at else "",
        )
    Console().print(table)


@tokens_app.command("revoke")
def tokens_revoke(token_id: Annotated[str, typer.Argument(help="Token id.")]) -> None:
    """Revoke an API token at once."""
    with fail_on_error(), cli_database().write() as session:
        token = identity.revoke_token(session, system_caller(), token_id)
        typer.echo(f"revoked {token.id} ({token.name})")
