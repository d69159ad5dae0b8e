import asyncio

from vclock import run, vprint


async def numbers(name):
    for n in range(1, 4):
        vprint(f"{name}: fetching {n}")
        await asyncio.sleep(0.1)
        yield f"{name}{n}"


async def print_all(items):
    async for item in items:
        vprint(f"got {item}")


async def main():
    a = numbers("a")
    b = numbers("b")
    await asyncio.gather(print_all(a), print_all(b))
    vprint("both done")


run(main())
