namespace Netpol.Analysis.Audit;

/// <summary>How a flow's endpoint was tied to a pod of the manifests, or why it was not.</summary>
public enum MatchMethod
{
    /// <summary>The namespace and pod name name a pod of the manifests.</summary>
    PodName,

    /// <summary>The flow named the owning workload (Hubble <c>workloads</c>, or <c>NS/deploy/NAME</c> in CSV).</summary>
    Workload,

    /// <summary>
    /// The pod name is one its workload's controller would give: <c>web-5d8f7c9b4-x2x9z</c> belongs to
    /// Deployment <c>web</c>, <c>db-0</c> to StatefulSet <c>db</c>.
    /// </summary>
    Owner,

    /// <summary>The address is a pod's IP (status.podIP).</summary>
    IP,

    /// <summary>The flow's Kubernetes labels single out one workload of the namespace.</summary>
    Labels,

    /// <summary>An address outside the cluster's pods (<c>reserved:world</c>, or an IP no pod has): ipBlock peers decide.</summary>
    External,

    /// <summary>An in-cluster endpoint that matches nothing in the manifests: reported, not evaluated.</summary>
    Unknown,
}
