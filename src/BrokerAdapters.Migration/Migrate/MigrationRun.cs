using System.Runtime.ExceptionServices;
using System.Threading.Channels;

namespace BrokerAdapters.Migration;

/// <summary>
/// One apply run, from <see cref="CustomerMigrator.Apply"/>: enumerate it to run it (once), and read
/// <see cref="Summary"/> for the counts. Results arrive in completion order (see <see cref="MigrationResult.Index"/>
/// for the source order) as soon as each row is done and journaled.
/// </summary>
/// <remarks>
/// <para>
/// Each source customer is first decided as a plan would (<see cref="CustomerMigrator.PlanAsync"/>); customers to
/// create are registered, at most <see cref="MigrationOptions.MaxConcurrency"/> at a time. Before a registration the
/// journal gets an <c>attempt</c> line, after it a <c>result</c> line, each flushed to disk, so a run interrupted by
/// a crash leaves every registration either done, definitely failed, or in doubt — never forgotten — and the next
/// run with the same journal skips, retries or reconciles accordingly.
/// </para>
/// <para>
/// Cancelling (or stopping the enumeration) stops starting new rows; registrations already sent are completed and
/// journaled (they are not cancelled, so that their outcome is known), then <see cref="OperationCanceledException"/>
/// is thrown. Passing <see cref="MigrationOptions.FailureThreshold"/> stops the same way, without an exception:
/// check <see cref="MigrationSummary.Status"/>.
/// </para>
/// </remarks>
public sealed class MigrationRun : IAsyncEnumerable<MigrationResult>
{
    private readonly CustomerMigrator _migrator;
    private readonly IAsyncEnumerable<Customer> _source;
    private readonly Lock _sync = new();
    private readonly string _runId = Guid.NewGuid().ToString("N");
    private int _enumerated;
    private MigrationRunStatus _status = MigrationRunStatus.NotStarted;
    private long _started;
    private TimeSpan? _elapsed;
    private long _read;
    private long _created;
    private long _alreadyMigrated;
    private long _alreadyExists;
    private long _cannotCreate;
    private long _duplicateInSource;
    private long _failed;
    private long _needsReconciliation;
    private long _attempted;
    private long _attemptFailures;
    private int _inFlight;
    private bool _thresholdPassed;
    private Exception? _fault;

    internal MigrationRun(CustomerMigrator migrator, IAsyncEnumerable<Customer> source)
    {
        _migrator = migrator;
        _source = source;
    }

    /// <summary>Gets the counts so far; final once the enumeration has ended.</summary>
    public MigrationSummary Summary
    {
        get
        {
            lock (_sync)
            {
                var skipped = _alreadyMigrated + _alreadyExists + _cannotCreate + _duplicateInSource;
                return new MigrationSummary
                {
                    Status = _status,
                    Read = _read,
                    Created = _created,
                    Skipped = skipped,
                    Failed = _failed,
                    AlreadyMigrated = _alreadyMigrated,
                    AlreadyExists = _alreadyExists,
                    CannotCreate = _cannotCreate,
                    DuplicateInSource = _duplicateInSource,
                    NeedsReconciliation = _needsReconciliation,
                    Attempted = _attempted,
                    Elapsed = ElapsedUnsafe(),
                };
            }
        }
    }

    private MigrationOptions Options => _migrator.Options;

    /// <summary>Runs the migration, yielding each row's result as it completes.</summary>
    /// <param name="cancellationToken">Stops the run: no new rows start, rows in flight finish and are journaled.</param>
    /// <returns>The results.</returns>
    /// <exception cref="InvalidOperationException">The run was enumerated before; call <see cref="CustomerMigrator.Apply"/> again to resume.</exception>
    public IAsyncEnumerator<MigrationResult> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _enumerated, 1) != 0)
        {
            throw new InvalidOperationException("A migration run can be enumerated once. Call CustomerMigrator.Apply again with the same journal to resume.");
        }

        return RunAsync(cancellationToken);
    }

    /// <summary>Runs the migration to its end without looking at the rows, and returns the summary.</summary>
    /// <param name="cancellationToken">Stops the run as <see cref="GetAsyncEnumerator"/> describes.</param>
    /// <returns>The final summary.</returns>
    public async Task<MigrationSummary> RunToEndAsync(CancellationToken cancellationToken = default)
    {
        await foreach (var _ in this.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
        }

        return Summary;
    }

    /// <inheritdoc />
    public override string ToString() => Summary.ToString();

    private async IAsyncEnumerator<MigrationResult> RunAsync(CancellationToken cancellationToken)
    {
        var time = Options.TimeProvider;
        lock (_sync)
        {
            _status = MigrationRunStatus.Running;
            _started = time.GetTimestamp();
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var channel = Channel.CreateBounded<MigrationResult>(new BoundedChannelOptions(Math.Max(16, Options.MaxConcurrency * 4)) { SingleReader = true });
        MigrationJournalWriter? journal = null;
        MigrationPasswordSession? passwords = null;
        Task? producer = null;
        var finished = false;
        try
        {
            journal = MigrationJournalWriter.Open(Options.JournalPath!);
            var state = await journal.ReadStateAsync(cancellationToken).ConfigureAwait(false);
            passwords = await Options.Passwords!.OpenAsync(cancellationToken).ConfigureAwait(false);
            await journal.AppendAsync(new MigrationJournalRecord
            {
                Type = MigrationJournalRecord.RunType,
                At = time.GetUtcNow(),
                RunId = _runId,
                Target = _migrator.Target.Descriptor.ProviderName,
            }).ConfigureAwait(false);

            var context = new RowContext(new MigrationRowPlanner(_migrator.Target, state, passwords, Options), journal, passwords, channel.Writer, stop);
            producer = Task.Run(() => ProduceAsync(context), CancellationToken.None);
            await foreach (var result in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return result;
            }

            await producer.ConfigureAwait(false);
            finished = true;
        }
        finally
        {
            // Stopped early (cancelled, or the consumer left): start nothing new, let rows in flight finish and be journaled.
            await stop.CancelAsync().ConfigureAwait(false);
            if (producer is not null)
            {
                while (await channel.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
                {
                    while (channel.Reader.TryRead(out _))
                    {
                    }
                }

                await producer.ConfigureAwait(false);
            }

            if (passwords is not null)
            {
                await passwords.DisposeAsync().ConfigureAwait(false);
            }

            if (journal is not null)
            {
                await journal.DisposeAsync().ConfigureAwait(false);
            }

            Finish(finished, producer is null && !cancellationToken.IsCancellationRequested);
        }

        if (_fault is not null)
        {
            ExceptionDispatchInfo.Throw(_fault);
        }
    }

    private void Finish(bool finished, bool failedToStart)
    {
        lock (_sync)
        {
            _elapsed = ElapsedUnsafe();
            _status = _fault is not null ? MigrationRunStatus.Faulted
                : _thresholdPassed ? MigrationRunStatus.StoppedByFailureThreshold
                : finished ? MigrationRunStatus.Completed
                : failedToStart ? MigrationRunStatus.Faulted
                : MigrationRunStatus.Cancelled;
        }
    }

    private async Task ProduceAsync(RowContext context)
    {
        var gate = new SemaphoreSlim(Options.MaxConcurrency, Options.MaxConcurrency);
        try
        {
            await foreach (var row in CustomerMigrator.Admit(_source, context.Planner, context.Stop.Token).ConfigureAwait(false))
            {
                lock (_sync)
                {
                    _read++;
                }

                await gate.WaitAsync(context.Stop.Token).ConfigureAwait(false);
                if (context.Stop.IsCancellationRequested)
                {
                    gate.Release();
                    break;
                }

                _ = ProcessAsync(row, context, gate);
            }
        }
        catch (OperationCanceledException) when (context.Stop.IsCancellationRequested)
        {
            // Cancelled or stopped by the threshold: the rows in flight finish below.
        }
#pragma warning disable CA1031 // Any failure ends the run; it is rethrown to the consumer once the rows in flight are journaled.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Fault(ex, context);
        }
        finally
        {
            for (var i = 0; i < Options.MaxConcurrency; i++)
            {
                await gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
            }

            gate.Dispose();
            context.Results.TryComplete();
        }
    }

    private async Task ProcessAsync(CustomerMigrator.AdmittedRow row, RowContext context, SemaphoreSlim gate)
    {
        lock (_sync)
        {
            _inFlight++;
        }

        try
        {
            (MigrationResult Result, bool Attempted)? outcome;
            try
            {
                outcome = await ProcessRowAsync(row, context).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (context.Stop.IsCancellationRequested)
            {
                outcome = null; // Stopped during a lookup: nothing was registered, the row is left for the next run.
            }

            if (outcome is { } done)
            {
                if (Count(done.Result, done.Attempted))
                {
                    await context.Stop.CancelAsync().ConfigureAwait(false);
                }

                Options.Progress?.Report(Progress());
                await context.Results.WriteAsync(done.Result, CancellationToken.None).ConfigureAwait(false);
            }
        }
#pragma warning disable CA1031 // Any failure ends the run; it is rethrown to the consumer once the rows in flight are journaled.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Fault(ex, context);
        }
        finally
        {
            lock (_sync)
            {
                _inFlight--;
            }

            gate.Release();
        }
    }

    private async Task<(MigrationResult Result, bool Attempted)> ProcessRowAsync(CustomerMigrator.AdmittedRow row, RowContext context)
    {
        var decision = row.Early ?? await context.Planner.DecideAsync(row.Customer, row.SourceKey!, context.Stop.Token).ConfigureAwait(false);
        var result = new MigrationResult
        {
            Index = row.Index,
            SourceKey = row.SourceKey ?? string.Empty,
            Source = row.Customer,
            Outcome = MigrationOutcome.Skipped,
            Detail = decision.Detail,
            Problems = decision.Problems,
            TargetId = decision.TargetId,
            TargetNumber = decision.TargetNumber,
        };
        switch (decision.Action)
        {
            case MigrationPlanAction.Create:
                return await CreateAsync(row, decision, result, context).ConfigureAwait(false);
            case MigrationPlanAction.AlreadyExists:
                await context.Journal.AppendAsync(ResultRecord(row, result with { SkipReason = MigrationSkipReason.AlreadyExists })).ConfigureAwait(false);
                return (result with { SkipReason = MigrationSkipReason.AlreadyExists }, true);
            case MigrationPlanAction.AlreadyMigrated:
                return (result with { SkipReason = MigrationSkipReason.AlreadyMigrated }, false);
            case MigrationPlanAction.CannotCreate:
                return (result with { SkipReason = MigrationSkipReason.CannotCreate }, false);
            case MigrationPlanAction.DuplicateInSource:
                return (result with { SkipReason = MigrationSkipReason.DuplicateInSource }, false);
            case MigrationPlanAction.NeedsReconciliation:
                return (result with
                {
                    Outcome = MigrationOutcome.Failed,
                    ErrorKind = UserRegistryErrorKind.OutcomeUnknown,
                    Message = decision.Detail,
                    NeedsReconciliation = true,
                }, false);
            default:
                var error = decision.Error!;
                return (result with
                {
                    Outcome = MigrationOutcome.Failed,
                    ErrorKind = error.Kind,
                    ProviderCode = error.ProviderCode,
                    TraceId = error.TraceId,
                    Message = error.Message,
                }, true);
        }
    }

    private async Task<(MigrationResult Result, bool Attempted)> CreateAsync(
        CustomerMigrator.AdmittedRow row, MigrationDecision decision, MigrationResult result, RowContext context)
    {
        var key = row.SourceKey!;
        var password = context.Passwords.PasswordFor(key);
        var customer = decision.ToCreate! with { Password = password };
        await context.Journal.AppendAsync(new MigrationJournalRecord
        {
            Type = MigrationJournalRecord.AttemptType,
            At = Options.TimeProvider.GetUtcNow(),
            RunId = _runId,
            SourceKey = key,
            SourceNumber = row.Customer.Number,
        }).ConfigureAwait(false);

        CustomerRegistration registration;
        try
        {
            // Not cancellable: once sent, a registration is seen through so that its outcome is known and journaled.
            registration = await _migrator.Target.RegisterAsync(customer, CancellationToken.None).ConfigureAwait(false);
        }
        catch (UserRegistryException ex) when (ex.Kind == UserRegistryErrorKind.AlreadyExists)
        {
            var skipped = result with
            {
                SkipReason = MigrationSkipReason.AlreadyExists,
                Detail = ex.ProviderCode is null
                    ? "the target refused the registration as a duplicate."
                    : $"the target refused the registration as a duplicate ({ex.ProviderCode}).",
            };
            await context.Journal.AppendAsync(ResultRecord(row, skipped)).ConfigureAwait(false);
            return (skipped, true);
        }
        catch (UserRegistryException ex)
        {
            var unknown = ex.Kind == UserRegistryErrorKind.OutcomeUnknown;
            if (unknown)
            {
                await context.Passwords.RecordAsync(key, null, null, password, GeneratedPasswordSession.UnknownStatus).ConfigureAwait(false);
            }

            var failed = result with
            {
                Outcome = MigrationOutcome.Failed,
                ErrorKind = ex.Kind,
                ProviderCode = ex.ProviderCode,
                TraceId = ex.TraceId,
                Message = Scrub(ex.Message, password),
                NeedsReconciliation = unknown,
            };
            await context.Journal.AppendAsync(ResultRecord(row, failed)).ConfigureAwait(false);
            return (failed, true);
        }
        catch
        {
            // Any other failure leaves the outcome unknown: keep the password the target may now hold. The journal's
            // attempt line, without a result, makes the next run reconcile before registering again.
            await context.Passwords.RecordAsync(key, null, null, password, GeneratedPasswordSession.UnknownStatus).ConfigureAwait(false);
            throw;
        }

        // The password first: a crash between the two lines then leaves a password for a customer in doubt, never a
        // created customer whose password is lost.
        var created = registration.Customer;
        await context.Passwords.RecordAsync(key, created.Id, created.Number, password, GeneratedPasswordSession.CreatedStatus).ConfigureAwait(false);
        var done = result with
        {
            Outcome = MigrationOutcome.Created,
            TargetId = created.Id,
            TargetNumber = created.Number,
            Detail = registration.IsRecovered ? "recovered: the target's answer was lost and the customer was found by checking." : result.Detail,
        };
        await context.Journal.AppendAsync(ResultRecord(row, done)).ConfigureAwait(false);
        return (done, true);
    }

    private MigrationJournalRecord ResultRecord(CustomerMigrator.AdmittedRow row, MigrationResult result) => new()
    {
        Type = MigrationJournalRecord.ResultType,
        At = Options.TimeProvider.GetUtcNow(),
        RunId = _runId,
        SourceKey = result.SourceKey,
        SourceNumber = row.Customer.Number,
        Outcome = result.Outcome.ToString(),
        Reason = result.SkipReason?.ToString(),
        TargetId = result.TargetId,
        TargetNumber = result.TargetNumber,
        ErrorKind = result.ErrorKind?.ToString(),
        ProviderCode = result.ProviderCode,
        TraceId = result.TraceId,
        Message = result.Message,
        Detail = result.Detail,
    };

    /// <summary>Counts a result; <see langword="true"/> when it makes the run pass its failure threshold.</summary>
    private bool Count(MigrationResult result, bool attempted)
    {
        lock (_sync)
        {
            switch (result.Outcome)
            {
                case MigrationOutcome.Created:
                    _created++;
                    break;
                case MigrationOutcome.Failed:
                    _failed++;
                    if (result.NeedsReconciliation)
                    {
                        _needsReconciliation++;
                    }

                    if (attempted)
                    {
                        _attemptFailures++;
                    }

                    break;
                default:
                    switch (result.SkipReason)
                    {
                        case MigrationSkipReason.AlreadyMigrated:
                            _alreadyMigrated++;
                            break;
                        case MigrationSkipReason.AlreadyExists:
                            _alreadyExists++;
                            break;
                        case MigrationSkipReason.CannotCreate:
                            _cannotCreate++;
                            break;
                        default:
                            _duplicateInSource++;
                            break;
                    }

                    break;
            }

            if (attempted)
            {
                _attempted++;
            }

            if (!_thresholdPassed && Options.FailureThreshold.IsPassed(_attemptFailures, _attempted))
            {
                _thresholdPassed = true;
                return true;
            }

            return false;
        }
    }

    private MigrationProgress Progress()
    {
        lock (_sync)
        {
            return new MigrationProgress
            {
                Read = _read,
                Created = _created,
                Skipped = _alreadyMigrated + _alreadyExists + _cannotCreate + _duplicateInSource,
                Failed = _failed,
                InFlight = _inFlight,
                Elapsed = ElapsedUnsafe(),
            };
        }
    }

    private TimeSpan ElapsedUnsafe() =>
        _elapsed ?? (_status == MigrationRunStatus.NotStarted ? TimeSpan.Zero : Options.TimeProvider.GetElapsedTime(_started));

    private void Fault(Exception exception, RowContext context)
    {
        lock (_sync)
        {
            _fault ??= exception;
        }

        context.Stop.Cancel();
    }

    private static string Scrub(string message, string password) =>
        password.Length == 0 ? message : message.Replace(password, "***", StringComparison.Ordinal);

    private sealed record RowContext(
        MigrationRowPlanner Planner,
        MigrationJournalWriter Journal,
        MigrationPasswordSession Passwords,
        ChannelWriter<MigrationResult> Results,
        CancellationTokenSource Stop);
}
