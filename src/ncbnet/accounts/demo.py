from __future__ import annotations

from sqlalchemy import select

from ncbnet.core import identity
from ncbnet.core.demo import DEMO_PASSWORD, DemoContext
from ncbnet.core.identity import User
from ncbnet.core.permissions import Role

# A handful of bureaus on every continent, each with every NCB role.
DEMO_BUREAUS = ("FR", "MA", "DE", "US", "BR", "CN", "EG", "AE", "ES", "NG", "JP")
NCB_ROLES = (Role.OFFICER, Role.SUPERVISOR, Role.BORDER, Role.ANALYST)
GS_ROLES = (Role.REVIEWER, Role.ADMIN, Role.OFFICER)
LANGUAGE_OF = {"FR": "fr", "MA": "ar", "EG": "ar", "AE": "ar", "ES": "es", "BR": "es"}
NAMES = {
    "FR": ("Camille Laurent", "Nicolas Moreau", "Sophie Bernard", "Julien Petit"),
    "MA": ("يوسف العلمي", "فاطمة الزهراء بنعلي", "كريم التازي", "سلمى الإدريسي"),
    "DE": ("Lena Fischer", "Jonas Weber", "Anna Schneider", "Lukas Becker"),
    "US": ("Emily Carter", "Michael Brooks", "Jessica Rivera", "David Nguyen"),
    "BR": ("Ana Souza", "Pedro Oliveira", "Juliana Costa", "Rafael Lima"),
    "CN": ("王芳", "李强", "张伟", "刘洋"),
    "EG": ("أحمد منصور", "منى عبد الله", "محمود حسن", "نور الشريف"),
    "AE": ("خالد المنصوري", "مريم الكعبي", "سعيد الظاهري", "عائشة النعيمي"),
    "ES": ("Lucía García", "Javier Martínez", "Carmen López", "Diego Sánchez"),
    "NG": ("Chinedu Okafor", "Aisha Bello", "Emeka Nwosu", "Funmilayo Adeyemi"),
    "JP": ("佐藤 陽菜", "鈴木 健太", "高橋 美咲", "田中 翔"),
    "GS": ("Amélie Durand", "Omar Haddad", "Maria Fernández"),
    "AFRIPOL": ("Kwame Mensah",),
}


def demo_accounts() -> list[tuple[str, str, Role]]:
    """(username, bureau, role) of every demo login: ``<role>.<bureau>``, password ``demo``."""
    accounts = [
        (f"{role}.{code.lower()}", code, role) for code in DEMO_BUREAUS for role in NCB_ROLES
    ]
    accounts += [(f"{role}.gs", "GS", role) for role in GS_ROLES]
    accounts.append(("officer.afripol", "AFRIPOL", Role.OFFICER))
    return accounts


def seed(ctx: DemoContext) -> None:
    with ctx.db.write() as session:
        existing = set(session.execute(select(User.username)).scalars())
        counters: dict[str, int] = {}
        for username, bureau, role in demo_accounts():
            index = counters.get(bureau, 0)
            counters[bureau] = index + 1
            ctx.logins.append((username, f"{role} · {bureau}"))
            if username in existing:
                continue
            identity.create_user(
                session,
                ctx.caller,
                username=username,
                bureau=bureau,
                role=role,
                password=DEMO_PASSWORD,
                full_name=NAMES[bureau][index % len(NAMES[bureau])],
                language=LANGUAGE_OF.get(bureau),
                demo_mode=True,
            )
