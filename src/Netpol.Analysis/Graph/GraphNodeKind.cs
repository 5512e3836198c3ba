namespace Netpol.Analysis.Graph;

/// <summary>The kind of a graph node, which decides how renderers draw it.</summary>
public enum GraphNodeKind
{
    /// <summary>A workload's pods (or pods sharing an app label).</summary>
    Workload,

    /// <summary>A single pod.</summary>
    Pod,

    /// <summary>A whole namespace.</summary>
    Namespace,

    /// <summary>Addresses outside the cluster's pods: one ipBlock some policy names.</summary>
    External,

    /// <summary>Cluster DNS: the pods labelled <c>k8s-app: kube-dns</c>, or a stand-in when the manifests have none.</summary>
    Dns,
}
