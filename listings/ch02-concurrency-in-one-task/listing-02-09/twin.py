import asyncio

from vclock import run, vprint


async def fetch(name, seconds):
    vprint(f"{name}: start")
    await asyncio.sleep(seconds)
    vprint(f"{name}: done")
    return f"{name}-data"


async def main():
    jobs = [("a", 0.3), ("b", 0.1), ("c", 0.2)]
    tasks = [
        asyncio.create_task(fetch(name, seconds)) for name, seconds in jobs
    ]
    for next_result in asyncio.as_completed(tasks):
        result = await next_result
        vprint(f"as_completed gave {result}")
    vprint("all done")


run(main())
