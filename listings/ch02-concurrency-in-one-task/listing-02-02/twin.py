import asyncio

from vclock import run, vprint


async def fetch(name, seconds, fails):
    vprint(f"{name}: start")
    await asyncio.sleep(seconds)
    if fails:
        vprint(f"{name}: failed")
        raise ConnectionError(f"{name} failed")
    vprint(f"{name}: done")
    return f"{name}-data"


async def main():
    # Like join!: every result, the exception as a value among them.
    results = await asyncio.gather(
        fetch("a", 0.3, False),
        fetch("b", 0.1, True),
        return_exceptions=True,
    )
    vprint(f"gather(return_exceptions=True) gave {results!r}")

    # Without return_exceptions, the first exception comes out at once...
    try:
        await asyncio.gather(fetch("a", 0.3, False), fetch("b", 0.1, True))
    except ConnectionError as error:
        vprint(f"plain gather raised {error!r}")
    # ...and the other task is not cancelled: it runs on in the background.
    await asyncio.sleep(0.5)
    vprint("main: done")


run(main())
