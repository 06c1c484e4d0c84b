def best_score(scores):
    if scores:
        return max(scores)
best = best_score([])
print(best)
print(f'best: {best:.3f}')
