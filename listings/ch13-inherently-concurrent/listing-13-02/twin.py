import asyncio

from vclock import run, vprint


async def numbers(name, seconds):
    """Fetches three items, `seconds` each."""
    for n in range(1, 4):
        vprint(f"{name}: fetching {n}")
        await asyncio.sleep(seconds)
        yield f"{name}{n}"


async def print_all(items):
    async for item in items:
        vprint(f"got {item}")


async def main():
    a = numbers("a", 0.1)
    b = numbers("b", 0.12)
    await asyncio.gather(print_all(a), print_all(b))
    vprint("both done")


run(main())
