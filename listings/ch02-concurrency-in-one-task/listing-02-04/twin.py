import asyncio

from vclock import run, vprint


async def fetch(name, seconds):
    await asyncio.sleep(seconds)
    vprint(f"{name}: done")
    return f"{name}-data"


async def main():
    a = asyncio.create_task(fetch("a", 0.3))
    b = asyncio.create_task(fetch("b", 0.2))
    done, pending = await asyncio.wait(
        {a, b}, return_when=asyncio.FIRST_COMPLETED
    )
    winner = done.pop().result()
    vprint(
        f"wait gave {winner}; {len(pending)} task still pending, "
        "not cancelled"
    )

    await asyncio.sleep(0.5)
    vprint("main: done")


run(main())
