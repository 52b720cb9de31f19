package modularityfixture.good.history;

public class HistorySettings {
}
