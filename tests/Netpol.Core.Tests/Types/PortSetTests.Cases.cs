using Netpol.Core.Model;

namespace Netpol.Core.Tests.Types;

public partial class PortSetTests
{
    public static TheoryData<Case> Unions => new()
    {
        new("adjacent ports merge into one range", "80/TCP", "81/TCP", "80-81/TCP"),
        new("overlapping ranges merge", "80-90/TCP", "85-100/TCP", "80-100/TCP"),
        new("a range inside another adds nothing", "1-100/TCP", "20-30/TCP", "1-100/TCP"),
        new("ports with a gap stay apart", "1-100/TCP", "200/TCP", "1-100/TCP, 200/TCP"),
        new("the same number of two protocols stays apart", "80/TCP", "80/UDP", "80/TCP, 80/UDP"),
        new("the empty set adds nothing", "443/TCP", "none", "443/TCP"),
        new("the union of two empty sets is empty", "none", "none", "none"),
        new("every port of every protocol is all", "*/TCP, */UDP", "*/SCTP", "all"),
        new("all absorbs anything", "all", "53/UDP", "all"),
        new("a range filling a gap joins its neighbours", "1-10/TCP, 21-30/TCP", "11-20/TCP", "1-30/TCP"),
    };

    public static TheoryData<Case> Intersections => new()
    {
        new("overlapping ranges keep the overlap", "80-90/TCP", "85-100/TCP", "85-90/TCP"),
        new("ranges that touch at one port keep that port", "80-90/TCP", "90-100/TCP", "90/TCP"),
        new("disjoint ranges have nothing in common", "80-89/TCP", "90-100/TCP", "none"),
        new("the same number of two protocols has nothing in common", "80/TCP", "80/UDP", "none"),
        new("all keeps the other set", "all", "53/UDP, 8080-8090/TCP", "8080-8090/TCP, 53/UDP"),
        new("the empty set keeps nothing", "all", "none", "none"),
        new("one range can cut several", "1-10/TCP, 20-30/TCP", "5-25/TCP", "5-10/TCP, 20-25/TCP"),
        new("only the shared protocol remains", "*/TCP, 53/UDP", "53/UDP, 53/SCTP", "53/UDP"),
        new("a set intersected with itself is itself", "80/TCP, */SCTP", "80/TCP, */SCTP", "80/TCP, */SCTP"),
    };

    public static TheoryData<Case> Differences => new()
    {
        new("a port inside a range splits it", "1-100/TCP", "50/TCP", "1-49/TCP, 51-100/TCP"),
        new("an overlap at either end trims the range", "10-20/TCP", "5-12/TCP, 18-30/TCP", "13-17/TCP"),
        new("a range wholly covered disappears", "80/TCP, 443/TCP", "1-100/TCP", "443/TCP"),
        new("the same number of another protocol removes nothing", "53/UDP", "53/TCP", "53/UDP"),
        new("all without one port keeps every other port", "all", "8080/TCP", "1-8079/TCP, 8081-65535/TCP, */UDP, */SCTP"),
        new("removing the empty set changes nothing", "80/TCP", "none", "80/TCP"),
        new("removing everything leaves nothing", "80/TCP, */UDP", "all", "none"),
        new("a set without itself is empty", "80-90/TCP", "80-90/TCP", "none"),
        new("several cuts in one range leave the gaps", "1-10/TCP", "2/TCP, 4-5/TCP, 10/TCP", "1/TCP, 3/TCP, 6-9/TCP"),
    };

    public static TheoryData<TextCase> Texts => new()
    {
        new("no ranges print as none", [], "none"),
        new("every port of every protocol prints as all",
            [new(Protocol.SCTP, 1, 65535), new(Protocol.TCP, 1, 65535), new(Protocol.UDP, 1, 65535)], "all"),
        new("a single port prints as number/protocol", [new(Protocol.TCP, 80, 80)], "80/TCP"),
        new("a range prints as start-end/protocol", [new(Protocol.TCP, 8080, 8090)], "8080-8090/TCP"),
        new("every port of one protocol prints as a star", [new(Protocol.UDP, 1, 65535)], "*/UDP"),
        new("ranges print TCP first, then UDP, then SCTP",
            [new(Protocol.SCTP, 9, 9), new(Protocol.UDP, 53, 53), new(Protocol.TCP, 443, 443), new(Protocol.TCP, 80, 80)],
            "80/TCP, 443/TCP, 53/UDP, 9/SCTP"),
        new("overlapping ranges print merged", [new(Protocol.TCP, 10, 20), new(Protocol.TCP, 15, 30)], "10-30/TCP"),
        new("an inverted range is dropped", [new(Protocol.TCP, 20, 10)], "none"),
        new("the first and last port print as numbers when they are not the whole protocol",
            [new(Protocol.TCP, 1, 1), new(Protocol.TCP, 65535, 65535)], "1/TCP, 65535/TCP"),
    };

    public static TheoryData<ContainsCase> Containments => new()
    {
        new("a range contains its first port", "8000-8010/TCP", 8000, Protocol.TCP, true),
        new("a range contains its last port", "8000-8010/TCP", 8010, Protocol.TCP, true),
        new("a range does not contain the port before it", "8000-8010/TCP", 7999, Protocol.TCP, false),
        new("a range does not contain the port after it", "8000-8010/TCP", 8011, Protocol.TCP, false),
        new("a TCP range does not contain UDP ports", "8000-8010/TCP", 8005, Protocol.UDP, false),
        new("all contains SCTP", "all", 9999, Protocol.SCTP, true),
        new("none contains nothing", "none", 80, Protocol.TCP, false),
        new("the second range of a set is searched too", "80/TCP, 443/TCP, 53/UDP", 53, Protocol.UDP, true),
    };
}
