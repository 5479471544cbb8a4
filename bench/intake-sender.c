// The senders of bench/intake.mjs (its default; `--node-sender` runs them in
// the bench's own node process with undici, as before). Not part of the product.
// Why in C: the bench runs on the same cores as the receivers it measures, and
// undici's 16 senders took 40–60 µs of CPU a request there — about what the
// bare node server spends answering one. The receiver that uses one thread
// (the hub's accepting thread, the bare server) met them on its core and
// waited; Alertmanager spreads over both cores and minded less. Here a sender
// costs a few µs a request, so what is measured is the receivers.
// It sends what the node senders sent, as undici writes it: the requests are
// written by the bench, whole (request line, headers, body), into REQFILE;
// CONNECTIONS keep-alive HTTP/1.1 connections, each sending its next request
// as soon as the last one is answered (a closed loop, as the node senders),
// the requests taken in file order. An answer 503 with Retry-After is sent
// again after that many seconds on the same connection, as Alertmanager does;
// its wait counts in the request's latency and it is counted as refused. A
// connection the receiver closed is opened again for the next request.
//   cc -O2 -o intake-sender intake-sender.c
//   intake-sender HOST PORT CONNECTIONS REQFILE OUTFILE
// REQFILE: for each request, its length in bytes as decimal digits, a newline,
// then the bytes. OUTFILE, once every answer is in: a line a request, in file
// order, "status latency_ms answer" (the answer body with newlines made
// spaces). Stdout, last: "done REQUESTS WALL_MS REFUSED". Exit 1 on any error.
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_CONNS 256
#define ANSWER_MAX (1 << 20)

struct request {
  const char *bytes;
  size_t len;
  int status;
  double first_sent, answered;
  char *answer;
};

struct conn {
  int fd;
  long req;          // request in flight (or waiting to be sent again), -1 when idle
  size_t sent;       // bytes of it written so far
  double resend_at;  // > 0: a 503's Retry-After, sent again then
  size_t len;
  char *buf;
};

static struct request *reqs;
static long nreqs, next_req, done_reqs, refused;
static struct conn conns[MAX_CONNS];
static int nconns, ep;
static struct sockaddr_in addr;

static void die(const char *what) {
  fprintf(stderr, "intake-sender: %s: %s\n", what, strerror(errno));
  exit(1);
}

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static void open_conn(struct conn *c) {
  c->fd = socket(AF_INET, SOCK_STREAM, 0);
  if (c->fd < 0) die("socket");
  int one = 1;
  setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  if (connect(c->fd, (struct sockaddr *)&addr, sizeof addr) < 0) die("connect");
  struct epoll_event ev = {.events = EPOLLIN, .data.ptr = c};
  if (epoll_ctl(ep, EPOLL_CTL_ADD, c->fd, &ev) < 0) die("epoll_ctl");
  c->len = 0;
}

static void reopen_conn(struct conn *c) {
  epoll_ctl(ep, EPOLL_CTL_DEL, c->fd, NULL);
  close(c->fd);
  open_conn(c);
}

// Writes the rest of the connection's request (blocking: a request is small beside the socket's buffer).
static void send_request(struct conn *c) {
  struct request *r = &reqs[c->req];
  if (r->first_sent == 0) r->first_sent = now_ms();
  while (c->sent < r->len) {
    ssize_t n = write(c->fd, r->bytes + c->sent, r->len - c->sent);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) die("write");
    c->sent += (size_t)n;
  }
}

static void send_next(struct conn *c) {
  if (next_req >= nreqs) {
    c->req = -1;
    return;
  }
  c->req = next_req++;
  c->sent = 0;
  send_request(c);
}

// A header's value in the head [head, end), or NULL.
static const char *header(const char *head, const char *end, const char *name) {
  size_t n = strlen(name);
  for (const char *p = head; p && p < end; p = memmem(p, (size_t)(end - p), "\r\n", 2)) {
    if (p[0] == '\r') p += 2;
    if ((size_t)(end - p) > n && strncasecmp(p, name, n) == 0 && p[n] == ':') {
      p += n + 1;
      while (*p == ' ') p++;
      return p;
    }
  }
  return NULL;
}

// Length of a chunked body's encoding at `body` if it is all in, else -1; the decoded body into `out`.
static long chunked(const char *body, const char *end, char *out, size_t *out_len) {
  const char *p = body;
  *out_len = 0;
  for (;;) {
    const char *eol = memmem(p, (size_t)(end - p), "\r\n", 2);
    if (!eol) return -1;
    long size = strtol(p, NULL, 16);
    if (end - eol < 2 + size + 2) return -1;
    if (size == 0) return (long)(eol + 4 - body);
    if (*out_len + (size_t)size < ANSWER_MAX) memcpy(out + *out_len, eol + 2, (size_t)size), *out_len += (size_t)size;
    p = eol + 2 + size + 2;
  }
}

// Takes a complete answer from the connection's buffer, if there is one.
static void take_answer(struct conn *c) {
  char *head_end = memmem(c->buf, c->len, "\r\n\r\n", 4);
  if (!head_end) return;
  const char *body = head_end + 4;
  const char *end = c->buf + c->len;
  static char decoded[ANSWER_MAX];
  size_t body_len;
  long used;
  const char *length = header(c->buf, head_end, "content-length");
  const char *encoding = header(c->buf, head_end, "transfer-encoding");
  if (length) {
    body_len = strtoul(length, NULL, 10);
    if ((size_t)(end - body) < body_len) return;
    memcpy(decoded, body, body_len < ANSWER_MAX ? body_len : ANSWER_MAX - 1);
    used = (long)(body - c->buf) + (long)body_len;
  } else if (encoding && strncasecmp(encoding, "chunked", 7) == 0) {
    long n = chunked(body, end, decoded, &body_len);
    if (n < 0) return;
    used = (long)(body - c->buf) + n;
  } else {
    body_len = 0;
    used = (long)(body - c->buf);
  }
  int status = atoi(c->buf + 9); // "HTTP/1.1 200 …"
  const char *retry = header(c->buf, head_end, "retry-after");
  const char *connection = header(c->buf, head_end, "connection");
  int closing = connection && strncasecmp(connection, "close", 5) == 0;
  struct request *r = &reqs[c->req];
  memmove(c->buf, c->buf + used, c->len - (size_t)used);
  c->len -= (size_t)used;
  if (closing) reopen_conn(c);
  if (status == 503 && retry) {
    refused++;
    c->sent = 0;
    c->resend_at = now_ms() + atof(retry) * 1e3;
    return;
  }
  r->answered = now_ms();
  r->status = status;
  r->answer = malloc(body_len + 1);
  for (size_t i = 0; i < body_len; i++) r->answer[i] = decoded[i] == '\n' || decoded[i] == '\r' ? ' ' : decoded[i];
  r->answer[body_len] = 0;
  done_reqs++;
  send_next(c);
}

static void read_requests(const char *file) {
  FILE *f = fopen(file, "rb");
  if (!f) die(file);
  fseek(f, 0, SEEK_END);
  long size = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *all = malloc((size_t)size + 1);
  if (fread(all, 1, (size_t)size, f) != (size_t)size) die("read REQFILE");
  fclose(f);
  long cap = 1024;
  reqs = calloc((size_t)cap, sizeof *reqs);
  for (char *p = all; p < all + size;) {
    char *nl = memchr(p, '\n', (size_t)(all + size - p));
    if (!nl) break;
    size_t len = strtoul(p, NULL, 10);
    if (nreqs == cap) reqs = realloc(reqs, (size_t)(cap *= 2) * sizeof *reqs), memset(reqs + nreqs, 0, (size_t)(cap - nreqs) * sizeof *reqs);
    reqs[nreqs].bytes = nl + 1;
    reqs[nreqs].len = len;
    nreqs++;
    p = nl + 1 + len;
  }
}

int main(int argc, char **argv) {
  if (argc != 6) {
    fprintf(stderr, "usage: intake-sender HOST PORT CONNECTIONS REQFILE OUTFILE\n");
    return 2;
  }
  addr.sin_family = AF_INET;
  addr.sin_port = htons((uint16_t)atoi(argv[2]));
  if (inet_pton(AF_INET, argv[1], &addr.sin_addr) != 1) die("HOST");
  nconns = atoi(argv[3]);
  if (nconns < 1 || nconns > MAX_CONNS) die("CONNECTIONS");
  read_requests(argv[4]);
  ep = epoll_create1(0);
  if (ep < 0) die("epoll_create1");
  for (int i = 0; i < nconns; i++) {
    conns[i].buf = malloc(ANSWER_MAX);
    open_conn(&conns[i]);
  }
  double t0 = now_ms();
  for (int i = 0; i < nconns; i++) send_next(&conns[i]);
  struct epoll_event events[MAX_CONNS];
  while (done_reqs < nreqs) {
    // The nearest Retry-After decides how long to wait for answers.
    double wake = 0, now = now_ms();
    for (int i = 0; i < nconns; i++) {
      struct conn *c = &conns[i];
      if (c->resend_at > 0 && c->resend_at <= now) c->resend_at = 0, send_request(c);
      else if (c->resend_at > 0 && (wake == 0 || c->resend_at < wake)) wake = c->resend_at;
    }
    int timeout = wake > 0 ? (int)(wake - now) + 1 : 60000;
    int n = epoll_wait(ep, events, MAX_CONNS, timeout);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) die("epoll_wait");
    if (n == 0 && wake == 0) {
      fprintf(stderr, "intake-sender: no answer in 60 s (%ld of %ld answered)\n", done_reqs, nreqs);
      return 1;
    }
    for (int i = 0; i < n; i++) {
      struct conn *c = events[i].data.ptr;
      ssize_t got = read(c->fd, c->buf + c->len, ANSWER_MAX - c->len);
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0) {
        if (c->req < 0 || c->resend_at > 0) { // closed while idle (keep-alive timeout): opened again when needed
          reopen_conn(c);
          continue;
        }
        fprintf(stderr, "intake-sender: the receiver closed a connection before answering request %ld\n", c->req);
        return 1;
      }
      c->len += (size_t)got;
      if (c->req >= 0) take_answer(c);
    }
  }
  double wall = now_ms() - t0;
  FILE *out = fopen(argv[5], "w");
  if (!out) die(argv[5]);
  for (long i = 0; i < nreqs; i++) fprintf(out, "%d %.4f %s\n", reqs[i].status, reqs[i].answered - reqs[i].first_sent, reqs[i].answer);
  if (fclose(out) != 0) die("write OUTFILE");
  printf("done %ld %.3f %ld\n", nreqs, wall, refused);
  return 0;
}
