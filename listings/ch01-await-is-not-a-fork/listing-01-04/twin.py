import asyncio

from vclock import run, vprint


async def fetch(name, seconds):
    vprint(f"{name}: start")
    await asyncio.sleep(seconds)  # stands in for a network call
    vprint(f"{name}: done")
    return f"{name}-data"


async def main():
    a, b = await asyncio.gather(fetch("a", 0.3), fetch("b", 0.2))
    vprint(f"got {a} and {b}")


run(main())
