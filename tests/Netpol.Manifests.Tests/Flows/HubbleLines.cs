namespace Netpol.Manifests.Tests.Flows;

/// <summary>Hubble export lines for tests, built from the parts a test cares about.</summary>
internal static class HubbleLines
{
    public const string Web = """{"ID":311,"identity":48213,"namespace":"shop","labels":["k8s:app=web","k8s:io.kubernetes.pod.namespace=shop","k8s:io.cilium.k8s.policy.cluster=default"],"pod_name":"web-5d8f7c9b4-x2x9z","workloads":[{"name":"web","kind":"Deployment"}]}""";

    public const string Db = """{"ID":402,"identity":51002,"namespace":"shop","labels":["k8s:app=db","k8s:io.kubernetes.pod.namespace=shop"],"pod_name":"db-0","workloads":[{"name":"db","kind":"StatefulSet"}]}""";

    public const string World = """{"identity":2,"labels":["reserved:world"]}""";

    public static string Tcp(int port) => """{"TCP":{"source_port":43122,"destination_port":""" + port + ""","flags":{"SYN":true}}}""";

    public static string Udp(int port) => """{"UDP":{"source_port":53311,"destination_port":""" + port + "}}";

    /// <summary>A flow inside <c>{"flow": ...}</c>, as <c>hubble observe -o json</c> prints it.</summary>
    public static string Flow(string source = Web, string destination = Db, string? l4 = null, string extra = "", string sourceIP = "10.244.1.7", string destinationIP = "10.244.2.9") =>
        $$"""{"flow":{{Inner(source, destination, l4 ?? Tcp(5432), extra, sourceIP, destinationIP)}},"node_name":"worker-1","time":"2025-03-14T09:00:01.123456789Z"}""";

    /// <summary>The flow object alone at the top level, as older Hubble versions print it.</summary>
    public static string OldFlow(string source = Web, string destination = Db, string? l4 = null) =>
        Inner(source, destination, l4 ?? Tcp(5432), string.Empty, "10.244.1.7", "10.244.2.9");

    private static string Inner(string source, string destination, string l4, string extra, string sourceIP, string destinationIP) =>
        $$"""{"time":"2025-03-14T09:00:01.123456789Z","verdict":"FORWARDED","IP":{"source":"{{sourceIP}}","destination":"{{destinationIP}}","ipVersion":"IPv4"},"l4":{{l4}},"source":{{source}},"destination":{{destination}},"Type":"L3_L4","node_name":"worker-1","traffic_direction":"EGRESS"{{extra}}}""";
}
