from .roles import Role, user_roles


def roles(request):
    codes = user_roles(getattr(request, "user", None))
    return {"user_roles": codes, "roles_key": ",".join(sorted(codes)), "Role": Role}
