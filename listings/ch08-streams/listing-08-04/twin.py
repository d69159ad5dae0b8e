import asyncio


async def numbers(lines):
    """Parses each line as a number; the first line that is not one raises."""
    for line in lines:
        yield int(line)


async def main():
    gen = numbers(["1", "2", "three", "4"])
    try:
        async for n in gen:
            print(f"got {n}")
    except ValueError as e:
        print(f"error: {e}")
    print(f"asking again: {await anext(gen, 'nothing, the generator is over')}")


asyncio.run(main())
