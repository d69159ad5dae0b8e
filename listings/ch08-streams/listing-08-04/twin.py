import asyncio


async def numbers(lines):
    """Parses each line as a number; the first that is not one raises."""
    for line in lines:
        yield int(line)


async def main():
    gen = numbers(["1", "2", "three", "4"])
    try:
        async for n in gen:
            print(f"got {n}")
    except ValueError as e:
        print(f"error: {e}")
    again = await anext(gen, "nothing, the generator is over")
    print(f"asking again: {again}")


asyncio.run(main())
