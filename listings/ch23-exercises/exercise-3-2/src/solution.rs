use crate::answer;
use futures::{Stream, StreamExt};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncWrite, AsyncWriteExt};
use tokio::io::{BufReader, split};
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

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
    let tracker = TaskTracker::new();
    let mut incoming = Box::pin(incoming);
    loop {
        tokio::select! {
            biased;
            () = shutdown.cancelled() => break,
            next = incoming.next() => match next {
                Some(io) => {
                    tracker.spawn(connection(io, shutdown.clone()));
                }
                None => break,
            },
        }
    }
    drop(incoming);
    tracker.close();
    tracker.wait().await;
}

async fn connection<S>(io: S, shutdown: CancellationToken)
where
    S: AsyncRead + AsyncWrite,
{
    let (reader, mut writer) = split(io);
    let mut requests = BufReader::new(reader).lines();
    loop {
        // Only the wait for the next request races the shutdown; a
        // request once read is answered.
        let request = tokio::select! {
            biased;
            () = shutdown.cancelled() => break,
            request = requests.next_line() => request,
        };
        let Ok(Some(request)) = request else { break };
        let reply = format!("{}\n", answer(&request).await);
        if writer.write_all(reply.as_bytes()).await.is_err() {
            return;
        }
    }
    let _ = writer.shutdown().await;
}
