"""Where the portal's files live (``STORAGES["default"]``): a local folder (``MEDIA_ROOT``, the embedded demo and a
single machine) or an S3-compatible bucket (a cluster: every web and worker node sees the same files).

Every stored file — uploads, import files, reports, signed decisions — goes through Django's storage API
(``FieldFile.save/open``, ``default_storage``), never a path built by hand, so the two are interchangeable.
Downloads are streamed by the portal's views after their permission check (``utilities.uploads.serve_private``):
the bucket is private, no object is public, and no bucket address or presigned URL ever reaches a browser.
"""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured

LOCAL = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
PRIVATE_ACLS = ("private", "bucket-owner-full-control", "")  # "": none sent, the bucket's own (private) setting


def s3(bucket: str, endpoint_url: str, access_key: str, secret_key: str, region: str = "", location: str = "",
       acl: str = "private") -> dict:
    """A storage on a private S3-compatible bucket (django-storages' ``S3Storage``), under the key prefix
    ``location`` if given (another storage alias may share the bucket under its own prefix). ``acl`` is the canned
    ACL each object is written with; "" sends none (buckets whose ACLs are switched off, private by design)."""
    options = {
        "bucket_name": bucket,
        "location": location,
        "endpoint_url": endpoint_url or None,  # None: Amazon S3 itself
        "access_key": access_key,
        "secret_key": secret_key,
        "default_acl": acl or None,  # objects are never public
        "querystring_auth": False,  # no presigned URLs: the portal streams every download after its check
        "file_overwrite": False,  # like the local folder: a taken name gets a suffix, a stored file is never replaced
        "signature_version": "s3v4",
    }
    if region:
        options["region_name"] = region
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


def default_files(env) -> dict:
    """S3 when ``S3_BUCKET`` is set, else the local folder ``MEDIA_ROOT``."""
    bucket = env.str("S3_BUCKET", default="")
    if not bucket:
        return LOCAL
    acl = env.str("S3_ACL", default="private")
    if acl not in PRIVATE_ACLS:
        raise ImproperlyConfigured(f"S3_ACL={acl} would make stored files public; use private, "
                                   "bucket-owner-full-control or leave it empty.")
    return s3(bucket, env.str("S3_ENDPOINT_URL", default=""), env.str("S3_ACCESS_KEY_ID", default=""),
              env.str("S3_SECRET_ACCESS_KEY", default=""), env.str("S3_REGION", default=""),
              acl=acl)
