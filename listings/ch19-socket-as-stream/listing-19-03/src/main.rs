use futures::{Stream, StreamExt};
use std::fmt::Display;
use std::net::SocketAddr;
use std::pin::pin;
use tokio::io::AsyncWriteExt;
use tokio::net::{TcpListener, TcpStream};
use tokio_util::codec::{FramedRead, LinesCodec};

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

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    // ANCHOR: main
    let pieces =
        ["short\n", "this line is longer than 16 bytes\n", "after\n"];
    tokio::spawn(async move { send_in_pieces(addr, &pieces).await });

    let (conn, _) = listener.accept().await.unwrap();
    let lines = FramedRead::new(conn, LinesCodec::new_with_max_length(16));
    print_lines(lines).await;
    // ANCHOR_END: main
}
