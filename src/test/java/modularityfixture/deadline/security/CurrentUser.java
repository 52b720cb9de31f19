package modularityfixture.deadline.security;

public class CurrentUser {
}
