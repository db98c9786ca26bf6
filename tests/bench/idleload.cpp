// Holds N idle SMTP connections open against a server, then measures how long 200 fresh
// connections take to get their greeting, and what the idle connections cost the server in
// memory. Figures only; no pass or fail.
//
//   idleload --port 2525 --connections 10000 --pid <server pid> [--probes 200]
//
// Plain POSIX sockets and epoll rather than Qt: the load generator must cost as little as
// possible, since it shares the machine's cores with the server it measures.
#include <arpa/inet.h>
#include <dirent.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace Mailport {
namespace {

using Clock = std::chrono::steady_clock;

struct Options
{
    std::string host = "127.0.0.1";
    int port = 0;
    int connections = 1000;
    int probes = 200;
    pid_t pid = 0;
    // Connections being set up at once: a forking server (Exim) or a small listen backlog
    // must not see thousands of SYNs in one burst.
    int inFlight = 200;
    int settleMs = 1000;
    int stallTimeoutMs = 30000;
};

void usage()
{
    std::fprintf(stderr,
                 "usage: idleload --port PORT [--host 127.0.0.1] [--connections N] [--probes 200]\n"
                 "                [--pid SERVER_PID] [--in-flight 200] [--settle-ms 1000]\n"
                 "                [--stall-timeout-ms 30000]\n"
                 "The host must be a loopback address. With --pid, the memory of that process and\n"
                 "all its descendants (forked session processes) is measured.\n");
}

std::optional<Options> parseArguments(int argc, char **argv)
{
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (i + 1 >= argc) {
            usage();
            return std::nullopt;
        }
        const std::string value = argv[++i];
        char *end = nullptr;
        const long number = std::strtol(value.c_str(), &end, 10);
        const bool numeric = end && *end == '\0' && !value.empty();
        if (arg == "--host") {
            o.host = value;
        } else if (arg == "--port" && numeric) {
            o.port = int(number);
        } else if (arg == "--connections" && numeric) {
            o.connections = int(number);
        } else if (arg == "--probes" && numeric) {
            o.probes = int(number);
        } else if (arg == "--pid" && numeric) {
            o.pid = pid_t(number);
        } else if (arg == "--in-flight" && numeric) {
            o.inFlight = int(number);
        } else if (arg == "--settle-ms" && numeric) {
            o.settleMs = int(number);
        } else if (arg == "--stall-timeout-ms" && numeric) {
            o.stallTimeoutMs = int(number);
        } else {
            usage();
            return std::nullopt;
        }
    }
    if (o.port <= 0 || o.port > 65535 || o.connections < 0 || o.probes < 1 || o.inFlight < 1) {
        usage();
        return std::nullopt;
    }
    return o;
}

// Memory of a process and its descendants, in KiB. PSS splits shared pages among the processes
// that map them, so for a forking server it is the fair sum; RSS summed over processes counts
// the shared binary and libraries once per process.
struct Memory
{
    long rssKiB = 0;
    long pssKiB = 0;
    int processes = 0;
};

std::map<pid_t, std::vector<pid_t>> childrenByParent()
{
    std::map<pid_t, std::vector<pid_t>> children;
    DIR *proc = opendir("/proc");
    if (!proc)
        return children;
    while (const dirent *entry = readdir(proc)) {
        char *end = nullptr;
        const long pid = std::strtol(entry->d_name, &end, 10);
        if (!end || *end != '\0' || pid <= 0)
            continue;
        std::ifstream stat("/proc/" + std::string(entry->d_name) + "/stat");
        std::string line;
        if (!std::getline(stat, line))
            continue;
        // The command name may contain spaces and parentheses: the fields follow the last ')'.
        const auto close = line.rfind(')');
        if (close == std::string::npos)
            continue;
        std::istringstream fields(line.substr(close + 2));
        char state = 0;
        long parent = 0;
        fields >> state >> parent;
        children[pid_t(parent)].push_back(pid_t(pid));
    }
    closedir(proc);
    return children;
}

long fieldKiB(const std::string &path, const std::string &key)
{
    std::ifstream file(path);
    std::string line;
    while (std::getline(file, line)) {
        if (line.compare(0, key.size(), key) == 0)
            return std::strtol(line.c_str() + key.size(), nullptr, 10);
    }
    return 0;
}

Memory treeMemory(pid_t root)
{
    Memory memory;
    if (root <= 0)
        return memory;
    const auto children = childrenByParent();
    std::vector<pid_t> pending{root};
    while (!pending.empty()) {
        const pid_t pid = pending.back();
        pending.pop_back();
        const std::string base = "/proc/" + std::to_string(pid);
        const long rss = fieldKiB(base + "/status", "VmRSS:");
        if (rss == 0 && pid != root)
            continue;
        memory.rssKiB += rss;
        memory.pssKiB += fieldKiB(base + "/smaps_rollup", "Pss:");
        ++memory.processes;
        if (const auto it = children.find(pid); it != children.end())
            pending.insert(pending.end(), it->second.begin(), it->second.end());
    }
    return memory;
}

bool isLoopback(const in_addr &address)
{
    return (ntohl(address.s_addr) >> 24) == 127;
}

void raiseFileLimit(int wanted)
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return;
    const rlim_t target = std::min<rlim_t>(limit.rlim_max, rlim_t(wanted));
    if (limit.rlim_cur < target) {
        limit.rlim_cur = target;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
    getrlimit(RLIMIT_NOFILE, &limit);
    if (limit.rlim_cur < rlim_t(wanted))
        std::fprintf(stderr, "idleload: only %llu file descriptors allowed (wanted %d)\n",
                     static_cast<unsigned long long>(limit.rlim_cur), wanted);
}

enum class Line { Incomplete, Greeting, Refused };

// Reads the greeting's lines as they arrive; a multi-line greeting ends at "220 ".
Line consumeGreeting(std::string *buffer)
{
    for (;;) {
        const auto end = buffer->find('\n');
        if (end == std::string::npos)
            return buffer->size() > 4096 ? Line::Refused : Line::Incomplete;
        const std::string line = buffer->substr(0, end);
        buffer->erase(0, end + 1);
        if (line.size() < 4 || line.compare(0, 3, "220") != 0)
            return Line::Refused;
        if (line[3] == ' ')
            return Line::Greeting;
    }
}

struct Connection
{
    int fd = -1;
    bool connected = false;
    std::string buffer;
};

struct LoadResult
{
    std::vector<int> idle;
    int refused = 0;
    int connectErrors = 0;
    std::string firstError;
    double seconds = 0;
};

// Opens the connections, at most inFlight of them still waiting for their greeting at a time.
LoadResult openIdleConnections(const Options &o, const sockaddr_in &server)
{
    LoadResult result;
    const int epoll = epoll_create1(EPOLL_CLOEXEC);
    if (epoll < 0) {
        result.firstError = std::string("epoll_create1: ") + std::strerror(errno);
        return result;
    }
    std::map<int, Connection> pending;
    int started = 0;
    auto lastProgress = Clock::now();
    const auto begin = Clock::now();
    const auto fail = [&](int fd, bool refused, const std::string &why) {
        epoll_ctl(epoll, EPOLL_CTL_DEL, fd, nullptr);
        close(fd);
        pending.erase(fd);
        (refused ? result.refused : result.connectErrors)++;
        if (result.firstError.empty())
            result.firstError = why;
    };
    std::vector<epoll_event> events(1024);
    while (started < o.connections || !pending.empty()) {
        while (started < o.connections && int(pending.size()) < o.inFlight) {
            const int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
            if (fd < 0) {
                result.firstError = std::string("socket: ") + std::strerror(errno);
                started = o.connections;
                break;
            }
            ++started;
            const int rc = connect(fd, reinterpret_cast<const sockaddr *>(&server), sizeof server);
            if (rc != 0 && errno != EINPROGRESS) {
                ++result.connectErrors;
                if (result.firstError.empty())
                    result.firstError = std::string("connect: ") + std::strerror(errno);
                close(fd);
                continue;
            }
            epoll_event event{};
            event.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP;
            event.data.fd = fd;
            epoll_ctl(epoll, EPOLL_CTL_ADD, fd, &event);
            pending[fd].fd = fd;
        }
        const int ready = epoll_wait(epoll, events.data(), int(events.size()), 100);
        for (int i = 0; i < ready; ++i) {
            const int fd = events[size_t(i)].data.fd;
            auto it = pending.find(fd);
            if (it == pending.end())
                continue;
            Connection &c = it->second;
            if (!c.connected && (events[size_t(i)].events & (EPOLLOUT | EPOLLERR))) {
                int error = 0;
                socklen_t length = sizeof error;
                getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length);
                if (error != 0) {
                    fail(fd, false, std::string("connect: ") + std::strerror(error));
                    continue;
                }
                c.connected = true;
                epoll_event event{};
                event.events = EPOLLIN | EPOLLRDHUP;
                event.data.fd = fd;
                epoll_ctl(epoll, EPOLL_CTL_MOD, fd, &event);
            }
            if (!(events[size_t(i)].events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP)))
                continue;
            char chunk[1024];
            const ssize_t n = read(fd, chunk, sizeof chunk);
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
                continue;
            if (n <= 0) {
                fail(fd, true, "closed before the greeting");
                continue;
            }
            c.buffer.append(chunk, size_t(n));
            const std::string received = c.buffer;
            const Line line = consumeGreeting(&c.buffer);
            if (line == Line::Refused) {
                fail(fd, true, "refused: " + received.substr(0, received.find_first_of("\r\n")));
            } else if (line == Line::Greeting) {
                // Idle from now on: nothing more is read, so the fd needs no watching.
                epoll_ctl(epoll, EPOLL_CTL_DEL, fd, nullptr);
                result.idle.push_back(fd);
                pending.erase(it);
                lastProgress = Clock::now();
            }
        }
        if (ready > 0)
            lastProgress = Clock::now();
        if (Clock::now() - lastProgress > std::chrono::milliseconds(o.stallTimeoutMs)) {
            for (const auto &[fd, c] : pending)
                close(fd);
            result.connectErrors += int(pending.size());
            if (result.firstError.empty())
                result.firstError = "no greeting within the stall timeout";
            pending.clear();
            started = o.connections;
        }
    }
    close(epoll);
    result.seconds = std::chrono::duration<double>(Clock::now() - begin).count();
    return result;
}

// One fresh connection: microseconds from connect() to the end of the greeting, or -1.
double timeToGreeting(const sockaddr_in &server)
{
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    timeval timeout{5, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    const auto begin = Clock::now();
    double micros = -1;
    if (connect(fd, reinterpret_cast<const sockaddr *>(&server), sizeof server) == 0) {
        std::string buffer;
        char chunk[1024];
        for (;;) {
            const ssize_t n = read(fd, chunk, sizeof chunk);
            if (n <= 0)
                break;
            buffer.append(chunk, size_t(n));
            const Line line = consumeGreeting(&buffer);
            if (line == Line::Greeting)
                micros = std::chrono::duration<double, std::micro>(Clock::now() - begin).count();
            if (line != Line::Incomplete)
                break;
        }
        if (micros >= 0) {
            static const char quit[] = "QUIT\r\n";
            [[maybe_unused]] const ssize_t sent = write(fd, quit, sizeof quit - 1);
        }
    }
    close(fd);
    return micros;
}

// Nearest-rank percentile of sorted values.
double percentile(const std::vector<double> &sorted, double p)
{
    if (sorted.empty())
        return 0;
    size_t rank = size_t(p / 100.0 * double(sorted.size()) + 0.999999);
    rank = std::clamp<size_t>(rank, 1, sorted.size());
    return sorted[rank - 1];
}

// Idle connections the server has closed (or written to) while they were held.
int countLost(const std::vector<int> &idle)
{
    int lost = 0;
    for (const int fd : idle) {
        char byte = 0;
        const ssize_t n = recv(fd, &byte, 1, MSG_PEEK | MSG_DONTWAIT);
        if (!(n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)))
            ++lost;
    }
    return lost;
}

int run(int argc, char **argv)
{
    const std::optional<Options> parsed = parseArguments(argc, argv);
    if (!parsed)
        return 2;
    const Options &o = *parsed;
    sockaddr_in server{};
    server.sin_family = AF_INET;
    server.sin_port = htons(uint16_t(o.port));
    if (inet_pton(AF_INET, o.host.c_str(), &server.sin_addr) != 1 || !isLoopback(server.sin_addr)) {
        std::fprintf(stderr, "idleload: %s is not an IPv4 loopback address\n", o.host.c_str());
        return 2;
    }
    raiseFileLimit(o.connections + 64);

    // One connection first, so that lazily built per-listener state is not counted per
    // idle connection.
    timeToGreeting(server);
    std::this_thread::sleep_for(std::chrono::milliseconds(o.settleMs));
    const Memory before = treeMemory(o.pid);

    const LoadResult load = openIdleConnections(o, server);
    std::this_thread::sleep_for(std::chrono::milliseconds(o.settleMs));
    const Memory after = treeMemory(o.pid);

    std::vector<double> times;
    int probeFailures = 0;
    for (int i = 0; i < o.probes; ++i) {
        const double micros = timeToGreeting(server);
        if (micros < 0)
            ++probeFailures;
        else
            times.push_back(micros);
    }
    std::sort(times.begin(), times.end());
    const int lost = countLost(load.idle);

    const int held = int(load.idle.size());
    const double rssPer = held > 0 ? double(after.rssKiB - before.rssKiB) * 1024.0 / held : 0;
    const double pssPer = held > 0 ? double(after.pssKiB - before.pssKiB) * 1024.0 / held : 0;
    std::printf("idle connections: %d of %d held (%d refused, %d failed%s%s), opened in %.2f s\n",
                held, o.connections, load.refused, load.connectErrors,
                load.firstError.empty() ? "" : "; first: ", load.firstError.c_str(), load.seconds);
    if (o.pid > 0) {
        std::printf("server memory: RSS %ld -> %ld KiB, PSS %ld -> %ld KiB, %d -> %d processes\n",
                    before.rssKiB, after.rssKiB, before.pssKiB, after.pssKiB, before.processes,
                    after.processes);
        std::printf("per idle connection: %.0f bytes RSS, %.0f bytes PSS\n", rssPer, pssPer);
    }
    std::printf("time to greeting of %d fresh connections: p50 %.0f us, p99 %.0f us, max %.0f "
                "us (%d failed)\n",
                o.probes, percentile(times, 50), percentile(times, 99),
                times.empty() ? 0.0 : times.back(), probeFailures);
    std::printf("idle connections lost during the probes: %d\n", lost);
    // One line for scripts.
    std::printf("RESULT held=%d requested=%d refused=%d failed=%d rss_before_kib=%ld "
                "rss_after_kib=%ld pss_before_kib=%ld pss_after_kib=%ld processes=%d "
                "rss_per_conn_bytes=%.0f pss_per_conn_bytes=%.0f greeting_p50_us=%.0f "
                "greeting_p99_us=%.0f greeting_max_us=%.0f probe_failures=%d lost=%d\n",
                held, o.connections, load.refused, load.connectErrors, before.rssKiB, after.rssKiB,
                before.pssKiB, after.pssKiB, after.processes, rssPer, pssPer, percentile(times, 50),
                percentile(times, 99), times.empty() ? 0.0 : times.back(), probeFailures, lost);
    for (const int fd : load.idle)
        close(fd);
    return held > 0 && probeFailures < o.probes ? 0 : 1;
}

} // namespace
} // namespace Mailport

int main(int argc, char **argv)
{
    return Mailport::run(argc, argv);
}
