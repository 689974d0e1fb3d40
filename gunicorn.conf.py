"""gunicorn's settings for every web process started from the project's root (gunicorn reads ./gunicorn.conf.py by
default): supervisord (scripts/supervise.sh), systemd (deploy/systemd/hptd-web.service), the benchmarks and the
cluster test. Options given on the command line override these."""


def post_worker_init(worker):
    """Each worker compiles the templates, builds the URL resolver, loads the catalogues and opens its connections
    before it accepts a connection (haiphong_thidua/warmup.py): no request pays for a cold worker."""
    # Imported here, in the worker: the master reads this file before Django is set up.
    from haiphong_thidua.warmup import warm  # noqa: PLC0415

    done = warm()
    worker.log.info("worker %s warm in %s s (%s templates, %s URL names)", worker.pid, done["seconds"],
                    done["templates"], done["urls"])
