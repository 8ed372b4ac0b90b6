namespace Speciosa.Testing;

/// <summary>A clock the test moves by hand whose timers (e.g. a <see cref="PeriodicTimer"/> of a background job) fire
/// when the clock is moved past them, not in real time. One instance can drive several servers, so their periodic
/// jobs see the same time.</summary>
public sealed class SteppedClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock gate = new();
    private readonly List<SteppedTimer> timers = [];
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return now;
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> timers exist (background jobs create theirs after start-up
    /// returns, so a test waits for them before moving the clock).</summary>
    public async Task TimersCreatedAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            lock (gate)
            {
                if (timers.Count >= count) return;
            }

            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Fewer than {count} timers were created.");
            await Task.Delay(50);
        }
    }

    /// <summary>Moves the clock on, firing every timer that falls due on the way (each as often as it falls due).</summary>
    public void Advance(TimeSpan by)
    {
        DateTimeOffset target;
        lock (gate)
        {
            target = now + by;
        }

        while (true)
        {
            SteppedTimer? next;
            lock (gate)
            {
                next = timers.Where(t => t.Due is { } due && due <= target).MinBy(t => t.Due);
                if (next is null)
                {
                    now = target;
                    return;
                }

                now = next.Due!.Value;
                next.Due = next.Period is { } period ? now + period : null;
            }

            next.Fire();
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new SteppedTimer(this, callback, state);
        timer.Change(dueTime, period);
        lock (gate)
        {
            timers.Add(timer);
        }

        return timer;
    }

    private sealed class SteppedTimer(SteppedClock clock, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset? Due { get; set; }
        public TimeSpan? Period { get; private set; }

        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock.gate)
            {
                Due = dueTime == Timeout.InfiniteTimeSpan ? null : clock.now + dueTime;
                Period = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? null : period;
            }

            return true;
        }

        public void Dispose()
        {
            lock (clock.gate)
            {
                Due = null;
                clock.timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
