import asyncio

from vclock import run, vprint


async def fetch(name, seconds):
    vprint(f"{name}: start")
    await asyncio.sleep(seconds)  # stands in for a network call
    vprint(f"{name}: done")
    return f"{name}-data"


async def main():
    a = asyncio.create_task(fetch("a", 0.3))
    b = asyncio.create_task(fetch("b", 0.2))
    vprint("main: created tasks a and b")

    a = await a  # awaiting a task gives its coroutine's return value
    vprint(f"main: a returned {a}")
    b = await b
    vprint(f"main: b returned {b}")


run(main())
