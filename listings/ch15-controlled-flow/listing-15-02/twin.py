import asyncio


async def parse_all(lines):
    for line in lines:
        # A bad line raises ValueError here, and the generator is finished.
        yield int(line)


async def add_up(lines):
    """Adds up the numbers. The first bad line's exception leaves the
    loop and this function."""
    total = 0
    async for n in parse_all(lines):
        total += n
    return total


async def main():
    for lines in (["1", "2", "3"], ["1", "2", "three", "4"]):
        try:
            print(f"total: {await add_up(lines)}")
        except ValueError as error:
            print(f"caught: {error!r}")


asyncio.run(main())
