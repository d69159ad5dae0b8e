import asyncio

from vclock import run, vprint


async def fetch(name, seconds):
    vprint(f"{name}: start")
    await asyncio.sleep(seconds)  # stands in for a network call
    vprint(f"{name}: done")
    return f"{name}-data"


async def main():
    a = await fetch("a", 0.3)
    b = await fetch("b", 0.2)
    vprint(f"got {a} and {b}")


run(main())
