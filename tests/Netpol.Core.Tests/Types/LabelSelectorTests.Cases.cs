using Netpol.Core.Model;

namespace Netpol.Core.Tests.Types;

public partial class LabelSelectorTests
{
    public static TheoryData<RequirementCase> Requirements => new()
    {
        new("In holds for a listed value", In("env", "prod", "stage"), "env=stage", true),
        new("In fails for an unlisted value", In("env", "prod", "stage"), "env=dev", false),
        new("In fails without the key", In("env", "prod"), "app=web", false),
        new("In compares values exactly", In("env", "prod"), "env=Prod", false),
        new("In holds for an empty value when listed", In("env", string.Empty), "env=", true),
        new("NotIn holds for an unlisted value", NotIn("env", "dev", "test"), "env=prod", true),
        new("NotIn fails for a listed value", NotIn("env", "dev", "test"), "env=test", false),
        new("NotIn holds without the key", NotIn("env", "dev"), "app=web", true),
        new("NotIn holds on an object without labels", NotIn("env", "dev"), string.Empty, true),
        new("Exists holds for any value", Exists("env"), "env=anything", true),
        new("Exists holds for an empty value", Exists("env"), "env=", true),
        new("Exists fails without the key", Exists("env"), "app=web", false),
        new("DoesNotExist holds without the key", DoesNotExist("env"), "app=web", true),
        new("DoesNotExist holds on an object without labels", DoesNotExist("env"), string.Empty, true),
        new("DoesNotExist fails with the key, whatever its value", DoesNotExist("env"), "env=", false),
        new("keys are compared exactly", Exists("app"), "App=web", false),
    };

    public static TheoryData<SelectorCase> Selectors => new()
    {
        new("the empty selector matches an object without labels", LabelSelector.Everything, string.Empty, true),
        new("the empty selector matches any labels", new LabelSelector([]), "app=web,env=prod", true),
        new("matchLabels matches when every label is there",
            LabelSelector.FromLabels(Labels("app=web,env=prod")), "app=web,env=prod,extra=1", true),
        new("matchLabels fails when one label differs",
            LabelSelector.FromLabels(Labels("app=web,env=prod")), "app=web,env=dev", false),
        new("matchLabels and matchExpressions both holding match",
            new LabelSelector([In("app", "web"), In("env", "prod", "stage")]), "app=web,env=stage", true),
        new("matchLabels holding and matchExpressions failing does not match",
            new LabelSelector([In("app", "web"), In("env", "prod", "stage")]), "app=web,env=dev", false),
        new("matchExpressions holding and matchLabels failing does not match",
            new LabelSelector([In("app", "web"), In("env", "prod", "stage")]), "app=db,env=prod", false),
        new("NotIn and DoesNotExist together match an object without either key",
            new LabelSelector([NotIn("env", "dev"), DoesNotExist("canary")]), "app=web", true),
        new("Exists and DoesNotExist on the same key never match",
            new LabelSelector([Exists("env"), DoesNotExist("env")]), "env=prod", false),
    };

    public static TheoryData<TextCase> Texts => new()
    {
        new("the empty selector prints as {}", LabelSelector.Everything, "{}"),
        new("In with one value prints as key=value", new LabelSelector([In("app", "web")]), "app=web"),
        new("In with several values prints as key in (...)", new LabelSelector([In("tier", "a", "b")]), "tier in (a,b)"),
        new("NotIn with one value prints as key!=value", new LabelSelector([NotIn("env", "dev")]), "env!=dev"),
        new("NotIn with several values prints as key notin (...)", new LabelSelector([NotIn("env", "dev", "test")]), "env notin (dev,test)"),
        new("Exists prints as the bare key", new LabelSelector([Exists("team")]), "team"),
        new("DoesNotExist prints as !key", new LabelSelector([DoesNotExist("canary")]), "!canary"),
        new("requirements print joined by commas in order",
            new LabelSelector([In("app", "web"), In("tier", "a", "b"), DoesNotExist("canary")]), "app=web,tier in (a,b),!canary"),
    };
}
