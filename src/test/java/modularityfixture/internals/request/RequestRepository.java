package modularityfixture.internals.request;

public class RequestRepository {
}
