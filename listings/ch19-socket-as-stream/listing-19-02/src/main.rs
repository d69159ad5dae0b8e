use async_stream::try_stream;
use futures::{Stream, StreamExt};
use std::fmt::Display;
use std::io;
use std::net::SocketAddr;
use std::pin::pin;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio_stream::wrappers::LinesStream;

/// Connects, writes the text in the pieces given, then closes.
async fn send_in_pieces(addr: SocketAddr, pieces: &[&str]) {
    let mut conn = TcpStream::connect(addr).await.unwrap();
    for piece in pieces {
        conn.write_all(piece.as_bytes()).await.unwrap();
    }
}

/// Reads any stream of lines to its end: Part II's consumer loop.
async fn print_lines<E: Display>(
    lines: impl Stream<Item = Result<String, E>>,
) {
    let mut lines = pin!(lines);
    while let Some(line) = lines.next().await {
        match line {
            Ok(line) => println!("line: {line:?}"),
            Err(error) => println!("error: {error}"),
        }
    }
    println!("the stream has ended");
}

// ANCHOR: generator
/// The lines of a socket, as a generator you write yourself.
fn lines(conn: TcpStream) -> impl Stream<Item = io::Result<String>> {
    try_stream! {
        let mut lines = BufReader::new(conn).lines();
        while let Some(line) = lines.next_line().await? {
            yield line;
        }
    }
}
// ANCHOR_END: generator

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let pieces =
        ["first li", "ne\nsecond line\nthi", "rd line\nno newline"];
    // ANCHOR: main
    tokio::spawn(async move { send_in_pieces(addr, &pieces).await });
    let (conn, _) = listener.accept().await.unwrap();
    println!("a hand-written try_stream!:");
    print_lines(lines(conn)).await;

    tokio::spawn(async move { send_in_pieces(addr, &pieces).await });
    let (conn, _) = listener.accept().await.unwrap();
    println!("LinesStream:");
    print_lines(LinesStream::new(BufReader::new(conn).lines())).await;
    // ANCHOR_END: main
}
