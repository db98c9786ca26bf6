// Prints how long the core takes on large inputs: planning a local_interfaces of 10,000 items,
// and reading a 10,000-line configuration file. Figures only; no pass or fail.
#include "configuration.h"
#include "listenplan.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>

using namespace Mailport;

namespace {

constexpr int kItems = 10000;
constexpr int kRounds = 15;

// The median of several runs, in milliseconds.
template<typename Work>
double medianMs(Work work)
{
    QList<double> times;
    for (int round = 0; round < kRounds; ++round) {
        QElapsedTimer timer;
        timer.start();
        work();
        times.append(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

// 127.x.y.z addresses (all bindable on Linux), half with their own port, as one option line.
QByteArray longListConfig()
{
    QByteArray value = "local_interfaces = <; ::1";
    for (int i = 1; i < kItems; ++i) {
        value += " ; 127." + QByteArray::number((i >> 16) & 255) + '.'
                 + QByteArray::number((i >> 8) & 255) + '.' + QByteArray::number(i & 255);
        if (i % 2)
            value += '.' + QByteArray::number(2000 + i % 5000);
    }
    return value + "\ndaemon_smtp_ports = 2525\n";
}

// A 10,000-line file: one list continued over most lines, comments, and ordinary options.
QByteArray longFile()
{
    QByteArray text = "# A long Mailport configuration\nprimary_hostname = mx.example.org\n"
                      "local_interfaces = <; ::1 ; \\\n";
    for (int i = 1; i < kItems - 10; ++i)
        text += "    127.0." + QByteArray::number(i >> 8) + '.' + QByteArray::number(i & 255)
                + " ; \\\n";
    text += "    127.0.0.1\n# ports\ndaemon_smtp_ports = 2525 : 2526\ntls_on_connect_ports = 2526\n"
            "smtp_accept_max = 100\nmessage_size_limit = 20M\nsmtp_receive_timeout = 5m\n";
    return text;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    PlanInputs inputs; // the loopback-only host of the Exim cases

    const QByteArray list = longListConfig();
    Diagnostics d;
    const Configuration config = Configuration::parse(list, &d);
    int sockets = 0;
    const double planMs
        = medianMs([&] { sockets = int(Planner::plan(config, inputs).sockets.size()); });
    std::printf("plan local_interfaces of %d items (%d sockets): %.2f ms (median of %d)\n", kItems,
                sockets, planMs, kRounds);

    const QByteArray file = longFile();
    int lines = int(file.count('\n'));
    int planned = 0;
    const double parseMs = medianMs([&] {
        Diagnostics diagnostics;
        const Configuration c = Configuration::parse(file, &diagnostics);
        planned = int(c.text(QStringLiteral("local_interfaces")).size());
    });
    std::printf(
        "parse a %d-line configuration file (value of %d characters): %.2f ms (median of %d)\n",
        lines, planned, parseMs, kRounds);

    const double bothMs = medianMs([&] {
        Diagnostics diagnostics;
        const Configuration c = Configuration::parse(file, &diagnostics);
        Planner::plan(c, inputs);
    });
    std::printf("parse and plan that file: %.2f ms (median of %d)\n", bothMs, kRounds);
    return 0;
}
