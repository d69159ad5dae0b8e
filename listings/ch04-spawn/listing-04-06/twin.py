import asyncio

from vclock import run, vprint


async def load_row(row_id):
    await asyncio.sleep(0.1)
    rows = [10, 20, 30]
    if row_id >= len(rows):
        raise LookupError("no such row")
    return rows[row_id]


async def steady():
    for tick in range(1, 4):
        await asyncio.sleep(0.075)
        vprint(f"steady: tick {tick}")
    return "steady finished"


async def main():
    faulty = asyncio.create_task(load_row(7))
    steady_task = asyncio.create_task(steady())

    try:
        row = await faulty
        vprint(f"main: faulty returned {row}")
    except LookupError as error:
        vprint(f"main: await faulty raised {error!r}")
    message = await steady_task
    vprint(f"main: {message}")


run(main())
