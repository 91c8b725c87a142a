namespace BrokerAdapters.Migration;

/// <summary>
/// Decides what to do with each source customer, for plans and apply runs alike: journal first (already migrated,
/// or in doubt and to be reconciled), then duplicates within the source, then the target (lookups by email and
/// phone where its descriptor offers them), then the target's required fields and the password policy.
/// </summary>
internal sealed class MigrationRowPlanner
{
    private static readonly CustomerLookupKind[] LookupKinds = [CustomerLookupKind.Email, CustomerLookupKind.Phone];

    private readonly IUserRegistry _target;
    private readonly MigrationTargetRequirements _requirements;
    private readonly MigrationJournalState _journal;
    private readonly MigrationPasswordSession? _passwords;
    private readonly MigrationOptions _options;
    private readonly MigrationSourceIndex _index = new();

    public MigrationRowPlanner(
        IUserRegistry target,
        MigrationJournalState journal,
        MigrationPasswordSession? passwords,
        MigrationOptions options)
    {
        _target = target;
        _requirements = MigrationTargetRequirements.For(target.Descriptor);
        _journal = journal;
        _passwords = passwords;
        _options = options;
    }

    public MigrationTargetRequirements Requirements => _requirements;

    /// <summary>The source key of a customer: its <see cref="Customer.Id"/>, trimmed; <see langword="null"/> when it has none.</summary>
    public static string? SourceKeyOf(Customer customer) => CustomerKeys.Exact(customer.Id);

    /// <summary>
    /// The decisions that depend only on what came before in the source and on the journal. Call in source order,
    /// one customer at a time; <see langword="null"/> means <see cref="DecideAsync"/> decides.
    /// </summary>
    public MigrationDecision? Admit(Customer source, string? sourceKey)
    {
        if (sourceKey is null)
        {
            return new MigrationDecision
            {
                Action = MigrationPlanAction.CannotCreate,
                Problems = [new FieldError("Id", "the source customer has no id, so the journal cannot track it.")],
            };
        }

        if (!_index.AddSourceKey(sourceKey))
        {
            return new MigrationDecision { Action = MigrationPlanAction.DuplicateInSource, Detail = "the source key appears earlier in the source." };
        }

        if (_journal.TryGet(sourceKey, out var entry) && entry.Status == MigrationJournalStatus.Done)
        {
            _index.AddKeys(source, sourceKey);
            return new MigrationDecision
            {
                Action = MigrationPlanAction.AlreadyMigrated,
                Detail = entry.Created ? "created by an earlier run." : "found in the target by an earlier run.",
                TargetId = entry.TargetId,
                TargetNumber = entry.TargetNumber,
            };
        }

        if (_index.FindShared(source) is { } shared)
        {
            return new MigrationDecision
            {
                Action = MigrationPlanAction.DuplicateInSource,
                Detail = $"shares its {shared.Key} with source key {shared.Owner}.",
            };
        }

        _index.AddKeys(source, sourceKey);
        return null;
    }

    /// <summary>The decision that needs the target: reconciliation, lookups, required fields, password. Thread-safe.</summary>
    public async Task<MigrationDecision> DecideAsync(Customer source, string sourceKey, CancellationToken cancellationToken)
    {
        var draft = MigrationDraft.From(source);
        string? detail = null;
        if (_journal.TryGet(sourceKey, out var entry) && entry.Status == MigrationJournalStatus.InDoubt)
        {
            if (CanLookUp(draft))
            {
                if (await LookUpAsync(draft, cancellationToken).ConfigureAwait(false) is { } found)
                {
                    return found.Action == MigrationPlanAction.AlreadyExists ? found with { Detail = "reconciled: " + found.Detail } : found;
                }

                detail = "reconciled: an earlier registration's outcome was unknown and the target does not have the customer.";
            }
            else if (_options.RetryInDoubt)
            {
                detail = "an earlier registration's outcome is unknown and the target cannot check it; retried as RetryInDoubt allows.";
            }
            else
            {
                return new MigrationDecision
                {
                    Action = MigrationPlanAction.NeedsReconciliation,
                    ToCreate = draft,
                    Detail = $"an earlier registration's outcome is unknown and {_requirements.ProviderName} cannot look the customer up by email or phone: check the target by hand, then record the customer in the journal or run again with RetryInDoubt.",
                };
            }
        }
        else if (_options.LookUpExisting && CanLookUp(draft)
            && await LookUpAsync(draft, cancellationToken).ConfigureAwait(false) is { } found)
        {
            return found;
        }

        var problems = _requirements.Check(draft);
        if (_passwords?.Check(sourceKey, _requirements) is { } passwordProblem)
        {
            problems.Add(passwordProblem);
        }

        return problems.Count > 0
            ? new MigrationDecision { Action = MigrationPlanAction.CannotCreate, ToCreate = draft, Problems = problems }
            : new MigrationDecision { Action = MigrationPlanAction.Create, ToCreate = draft, Detail = detail };
    }

    private bool CanLookUp(NewCustomer draft) => LookupKinds.Any(kind => LookupFor(draft, kind) is not null && Supports(kind));

    private bool Supports(CustomerLookupKind kind) =>
        _target.Descriptor.Supports(UserRegistryCapabilities.Find, kind) || _target.Descriptor.Supports(UserRegistryCapabilities.Exists, kind);

    private static CustomerLookup? LookupFor(NewCustomer draft, CustomerLookupKind kind) => kind switch
    {
        CustomerLookupKind.Email when draft.Email is { } email => CustomerLookup.ByEmail(email),
        CustomerLookupKind.Phone when draft.Phone is { } phone => CustomerLookup.ByPhone(phone),
        _ => null,
    };

    /// <summary>AlreadyExists when the target has the customer, CheckFailed when asking failed, <see langword="null"/> when it does not have it.</summary>
    private async Task<MigrationDecision?> LookUpAsync(NewCustomer draft, CancellationToken cancellationToken)
    {
        var descriptor = _target.Descriptor;
        foreach (var kind in LookupKinds)
        {
            if (LookupFor(draft, kind) is not { } lookup || !Supports(kind))
            {
                continue;
            }

            try
            {
                if (descriptor.Supports(UserRegistryCapabilities.Find, kind))
                {
                    if (await _target.FindAsync(lookup, cancellationToken).ConfigureAwait(false) is { } customer)
                    {
                        return new MigrationDecision
                        {
                            Action = MigrationPlanAction.AlreadyExists,
                            Detail = $"found by {kind}.",
                            TargetId = customer.Id,
                            TargetNumber = customer.Number,
                        };
                    }
                }
                else if (await _target.ExistsAsync(lookup, cancellationToken).ConfigureAwait(false))
                {
                    return new MigrationDecision { Action = MigrationPlanAction.AlreadyExists, Detail = $"exists by {kind}." };
                }
            }
            catch (UserRegistryException ex) when (ex.Kind is UserRegistryErrorKind.InvalidInput or UserRegistryErrorKind.NotSupported)
            {
                // The registration itself gives the complete validation answer; a lookup that cannot be asked proves nothing.
            }
            catch (UserRegistryException ex)
            {
                return new MigrationDecision
                {
                    Action = MigrationPlanAction.CheckFailed,
                    ToCreate = draft,
                    Problems = [new FieldError(kind.ToString(), $"looking the customer up in {_requirements.ProviderName} failed ({ex.Kind}): {ex.Message}")],
                    Error = ex,
                };
            }
        }

        return null;
    }
}
