namespace Netpol.Core.Profiles;

/// <summary>Whether a plugin honours a NetworkPolicy feature that netpol evaluates as upstream defines it.</summary>
public enum FeatureSupport
{
    /// <summary>Honoured as upstream defines it.</summary>
    Supported,

    /// <summary>Honoured by current releases; older releases ignore or mishandle it.</summary>
    VersionDependent,

    /// <summary>The sources disagree on whether it is honoured.</summary>
    Uncertain,
}
