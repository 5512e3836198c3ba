namespace Netpol.Manifests.Tests.Loading;

public sealed partial class GitSourceTests
{
    public static TheoryData<GitErrorCase> Errors => new()
    {
        new("an unknown revision", "git:no-such-branch:deploy/app.yaml", ".", "git:no-such-branch:deploy/app.yaml: unknown revision \"no-such-branch\""),
        new("a revision before the first commit", "git:HEAD~5:deploy/app.yaml", ".", "unknown revision \"HEAD~5\""),
        new("a path missing at that revision", "git:HEAD~1:deploy/extra.yaml", ".", "git:HEAD~1:deploy/extra.yaml: no file or directory \"deploy/extra.yaml\" at revision HEAD~1"),
        new("a directory missing at that revision", "git:HEAD:nowhere/", ".", "no file or directory \"nowhere/\" at revision HEAD"),
        new("a path relative to another working directory", "git:HEAD:deploy/app.yaml", "deploy", "no file or directory \"deploy/app.yaml\""),
        new("a path that leaves the repository", "git:HEAD:../../etc/passwd", "deploy", "\"../../etc/passwd\" is outside the git repository"),
        new("a directory outside any repository", "git:HEAD:deploy/app.yaml", null, "is not inside a git repository work tree"),
        new("no path part", "git:HEAD", ".", "git:HEAD: write git:REV:PATH, e.g. git:origin/main:deploy/"),
        new("no revision", "git::deploy/app.yaml", ".", "write git:REV:PATH"),
        new("a revision that looks like an option", "git:--output=x:deploy/app.yaml", ".", "a revision cannot start with '-'"),
    };
}
