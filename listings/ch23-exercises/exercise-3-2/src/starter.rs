use crate::answer;
use futures::{Stream, StreamExt};
use std::pin::pin;
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncWrite, AsyncWriteExt};
use tokio::io::{BufReader, split};
use tokio_util::sync::CancellationToken;

/// Serves each connection from `incoming`, one request per line, until
/// `shutdown` is cancelled. Then it should stop accepting, let every
/// request already being answered finish and reach its client, close
/// every connection, and return once all of them are closed.
pub async fn serve<S>(
    incoming: impl Stream<Item = S>,
    shutdown: CancellationToken,
) where
    S: AsyncRead + AsyncWrite + Send + 'static,
{
    let mut incoming = pin!(incoming);
    loop {
        tokio::select! {
            biased;
            () = shutdown.cancelled() => return,
            next = incoming.next() => match next {
                Some(io) => {
                    tokio::spawn(connection(io, shutdown.clone()));
                }
                None => return,
            },
        }
    }
}

async fn connection<S>(io: S, shutdown: CancellationToken)
where
    S: AsyncRead + AsyncWrite,
{
    let (reader, mut writer) = split(io);
    let mut requests = BufReader::new(reader).lines();
    let serving = async {
        while let Ok(Some(request)) = requests.next_line().await {
            let reply = format!("{}\n", answer(&request).await);
            if writer.write_all(reply.as_bytes()).await.is_err() {
                return;
            }
        }
    };
    tokio::select! {
        () = shutdown.cancelled() => {}
        () = serving => {}
    }
}
