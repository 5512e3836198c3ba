namespace Netpol.Core.Profiles;

/// <summary>How well a profile behaviour is established (docs/cni-profiles.md gives the source of each).</summary>
public enum EvidenceLevel
{
    /// <summary>Stated in the project's documentation.</summary>
    Documented,

    /// <summary>Read in the project's source code.</summary>
    Code,

    /// <summary>Stated in an issue or pull request thread, by a maintainer where possible.</summary>
    Issue,

    /// <summary>Concluded from the sources; none says it outright.</summary>
    Inferred,

    /// <summary>The sources disagree.</summary>
    Conflicting,
}
