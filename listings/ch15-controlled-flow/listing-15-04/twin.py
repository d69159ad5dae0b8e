import asyncio

from vclock import run, vprint


async def pages():
    try:
        for n in range(1, 6):
            vprint(f"pages: fetching {n}")
            await asyncio.sleep(0.1)
            yield n
        vprint("pages: all fetched")
    finally:
        vprint("pages: cleanup runs")


async def request_shutdown(stop):
    await asyncio.sleep(0.25)
    vprint("shutdown requested")
    stop.set()


async def main():
    stop = asyncio.Event()
    shutdown = asyncio.create_task(request_shutdown(stop))
    stopped = asyncio.create_task(stop.wait())
    numbers = pages()
    while True:
        page = asyncio.ensure_future(anext(numbers))
        await asyncio.wait(
            [page, stopped], return_when=asyncio.FIRST_COMPLETED
        )
        if stopped.done():
            vprint("main: stopping")
            # The pending anext() is cancelled inside the generator.
            page.cancel()
            await asyncio.gather(page, return_exceptions=True)
            break
        vprint(f"main: got page {page.result()}")
    again = await anext(numbers, "nothing: it is closed")
    vprint(f"main: asking again gives {again}")
    await shutdown


run(main())
