using System.Net;
using Netpol.Analysis.Audit;
using Netpol.Manifests.Flows;

namespace Netpol.Analysis.Tests.Audit;

public partial class FlowEndpointMatcherTests
{
    /// <summary>An endpoint as a flow log describes it, and what it must match: how, and which pod or why not.</summary>
    public sealed record MatchCase(string Name, FlowEndpoint Endpoint, MatchMethod Method, string Expected)
    {
        public override string ToString() => Name;
    }

    private static readonly IReadOnlyDictionary<string, string> WebLabels = new Dictionary<string, string>
    {
        ["app"] = "web",
        ["io.kubernetes.pod.namespace"] = "shop",
        ["io.cilium.k8s.policy.cluster"] = "default",
        ["pod-template-hash"] = "6c9f7b8d4",
    };

    public static TheoryData<MatchCase> Cases => new()
    {
        new("a pod name of the manifests is that pod",
            new FlowEndpoint { Namespace = "shop", PodName = "tool" }, MatchMethod.PodName, "shop/tool"),
        new("a Deployment's pod name is its workload's pod",
            new FlowEndpoint { Namespace = "shop", PodName = "web-5d8f7c9b4-x2x9z" }, MatchMethod.Owner, "shop/deploy/web"),
        new("a StatefulSet's ordinal pod name is its workload's pod",
            new FlowEndpoint { Namespace = "shop", PodName = "db-1" }, MatchMethod.Owner, "shop/sts/db"),
        new("a CronJob's pod name is its workload's pod",
            new FlowEndpoint { Namespace = "shop", PodName = "report-28930140-x7k2p" }, MatchMethod.Owner, "shop/cronjob/report"),
        new("a DaemonSet's pod name is its workload's pod",
            new FlowEndpoint { Namespace = "kube-system", PodName = "agent-k9f2x" }, MatchMethod.Owner, "kube-system/ds/agent"),
        new("a replaced pod matches a real pod of the same owner",
            new FlowEndpoint { Namespace = "shop", PodName = "api-7d9f8c6b5-zzzzz" }, MatchMethod.Owner, "shop/api-7d9f8c6b5-abcde"),
        new("a workload the log names wins over an odd pod name",
            new FlowEndpoint { Namespace = "shop", PodName = "hand-made", Workload = "deploy/web" }, MatchMethod.Workload, "shop/deploy/web"),
        new("a CSV workload endpoint is the workload's pod",
            new FlowEndpoint { Namespace = "shop", Workload = "sts/db" }, MatchMethod.Workload, "shop/sts/db"),
        new("an IP without namespace is the pod with that IP",
            new FlowEndpoint { IP = IPAddress.Parse("10.1.0.5") }, MatchMethod.IP, "shop/tool"),
        new("an unknown pod name falls back to the IP of a pod of its namespace",
            new FlowEndpoint { Namespace = "shop", PodName = "gone", IP = IPAddress.Parse("10.1.0.5") }, MatchMethod.IP, "shop/tool"),
        new("the IP of a pod in another namespace does not match",
            new FlowEndpoint { Namespace = "kube-system", PodName = "gone", IP = IPAddress.Parse("10.1.0.5") }, MatchMethod.Unknown, "no pod of namespace kube-system matches its pod name, IP"),
        new("labels single out a workload, Cilium's and controllers' labels aside",
            new FlowEndpoint { Namespace = "shop", PodName = "manual", Labels = WebLabels }, MatchMethod.Labels, "shop/deploy/web"),
        new("labels several workloads carry pick the one that carries exactly them",
            new FlowEndpoint { Namespace = "shop", Labels = new Dictionary<string, string> { ["app"] = "twin", ["team"] = "x" } }, MatchMethod.Labels, "shop/deploy/twin-a"),
        new("labels that match several workloads alike match none",
            new FlowEndpoint { Namespace = "shop", Labels = new Dictionary<string, string> { ["team"] = "x" } }, MatchMethod.Unknown, "its labels team=x match several workloads: shop/deploy/twin-a, shop/deploy/twin-b"),
        new("the world is an external address",
            new FlowEndpoint { IP = IPAddress.Parse("203.0.113.9"), Reserved = ["world"] }, MatchMethod.External, "203.0.113.9"),
        new("the world is external even with an address a pod has",
            new FlowEndpoint { IP = IPAddress.Parse("10.1.0.5"), Reserved = ["world"] }, MatchMethod.External, "10.1.0.5"),
        new("an IP no pod has is an external address",
            new FlowEndpoint { IP = IPAddress.Parse("8.8.8.8") }, MatchMethod.External, "8.8.8.8"),
        new("the node (reserved:host) is evaluated as its address",
            new FlowEndpoint { IP = IPAddress.Parse("172.16.0.1"), Reserved = ["host"] }, MatchMethod.External, "172.16.0.1"),
        new("a pod name that matches nothing is unknown",
            new FlowEndpoint { Namespace = "shop", PodName = "debug-shell" }, MatchMethod.Unknown, "no pod of namespace shop matches its pod name"),
        new("a Deployment-shaped name of a workload the manifests lack is unknown",
            new FlowEndpoint { Namespace = "shop", PodName = "cart-5d8f7c9b4-x2x9z" }, MatchMethod.Unknown, "no pod of namespace shop matches its pod name"),
        new("a namespace the manifests lack is unknown",
            new FlowEndpoint { Namespace = "staging", PodName = "web-5d8f7c9b4-x2x9z" }, MatchMethod.Unknown, "namespace staging is not in the manifests"),
        new("an endpoint without anything to match is unknown",
            new FlowEndpoint(), MatchMethod.Unknown, "no namespace, pod name or IP address"),
    };

    public static TheoryData<string, string[]> OwnerNames => new()
    {
        { "web-5d8f7c9b4-x2x9z", ["deploy/web", "ds/web-5d8f7c9b4", "rs/web-5d8f7c9b4", "job/web-5d8f7c9b4", "rc/web-5d8f7c9b4"] },
        { "db-0", ["sts/db"] },
        { "report-28930140-x7k2p", ["cronjob/report", "deploy/report", "ds/report-28930140", "rs/report-28930140", "job/report-28930140", "rc/report-28930140"] },
        { "agent-k9f2x", ["ds/agent", "rs/agent", "job/agent", "rc/agent"] },
        { "plain", [] },
        { "Upper-ABCDE", [] },
    };
}
